#!/usr/bin/env bash
# Writes the UNBIS thesaurus (../shared/terms, 7,121 concepts in six
# languages, one concept a line: ar zh en fr ru es) as a driftcheck lexicon
# to standard output, repeated TIMES times with distinct ids (unbis-R-N),
# for the lexicon-scale figures of issue 21. ROLE and MATCH, if given, fill
# the role and match columns of every concept (empty: today's meaning).
# Usage: scripts/lexicon-unbis.sh [TIMES [ROLE [MATCH]]]
set -euo pipefail
cd "$(dirname "$0")/.."
src=../shared/terms/unbis-thesaurus.ar-zh-en-fr-ru-es.tsv
[ -r "$src" ] || { echo "lexicon-unbis.sh: $src is absent" >&2; exit 2; }
times=${1:-1} role=${2:-} match=${3:-}
awk -F'\t' -v OFS='\t' -v times="$times" -v role="$role" -v mt="$match" '
BEGIN { h = "id\tar\tzh\ten\tfr\tru\tes"; if (role != "" || mt != "") h = h "\trole\tmatch"; print h }
{ line[NR] = $0 }
END {
	for (r = 1; r <= times; r++)
		for (n = 1; n <= NR; n++) {
			row = "unbis-" r "-" n "\t" line[n]
			if (role != "" || mt != "") row = row "\t" role "\t" mt
			print row
		}
}' "$src"
