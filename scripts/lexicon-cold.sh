#!/usr/bin/env bash
# Measures one cold `driftcheck check` of the founding case (English voted,
# Chinese final) with the default lexicon alone, then with the UNBIS
# thesaurus x10 (71,210 concepts, distinct ids; scripts/lexicon-unbis.sh)
# added as a reference lexicon, read as TSV and compiled (lexicon compile):
# wall time, CPU time (user + system) and peak RSS of each (GNU time), one
# run each unless RUNS is given (then the median). Usage:
# scripts/lexicon-cold.sh [RUNS [TIMES]]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-1} times=${2:-10}
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)"; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -trimpath -o "$tmp/driftcheck" ./cmd/driftcheck
scripts/lexicon-unbis.sh "$times" reference unaccented >"$tmp/unbis.tsv"
/usr/bin/time -f '%e %U %S %M' -o "$tmp/c" "$tmp/driftcheck" lexicon compile "$tmp/unbis.tsv" -o "$tmp/unbis.dcx" 2>/dev/null
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() { # name, then the lexicon options
	local name=$1
	shift
	: >"$tmp/m"
	for i in $(seq "$runs"); do
		/usr/bin/time -f '%e %U %S %M' -o "$tmp/t" "$tmp/driftcheck" check "$@" --voted testdata/founding/L36.en.txt testdata/founding/RES.zh.txt >"$tmp/out" 2>&1 || true
		tail -n1 "$tmp/t" >>"$tmp/m"
	done
	w=$(cut -d' ' -f1 "$tmp/m" | median)
	cpu=$(awk '{print $2 + $3}' "$tmp/m" | median)
	rss=$(cut -d' ' -f4 "$tmp/m" | median)
	printf '  %-30s wall %5.2f s  cpu %5.2f s  peak RSS %4d MiB  (%s)\n' "$name" "$w" "$cpu" $((rss / 1024)) "$(tail -n1 "$tmp/out")"
}
echo "cold check of the founding case, $runs run(s) each; UNBIS x$times: $(($(wc -l <"$tmp/unbis.tsv") - 1)) concepts"
echo "  (compile: $(awk '{printf "wall %.2f s, cpu %.2f s, peak RSS %d MiB", $1, $2 + $3, $4 / 1024}' "$tmp/c"); $(stat -c %s "$tmp/unbis.dcx") bytes)"
measure "default lexicon"
measure "UNBIS reference, TSV" --lexicon "$tmp/unbis.tsv"
measure "UNBIS reference, compiled" --lexicon "$tmp/unbis.dcx"
