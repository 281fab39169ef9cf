#!/usr/bin/env bash
# Measures the CPU of `driftcheck batch` over 2,000 groups (an English voted
# text and its Chinese final, two lines of the UNPC devset each) with the
# default lexicon, then with the UNBIS thesaurus added (as it is, and as a
# reference lexicon, TSV and compiled), one run each: CPU seconds (user +
# system, all processes) per group and the ratio to the default lexicon's.
# Usage: scripts/lexicon-batch.sh [GROUPS]
set -euo pipefail
cd "$(dirname "$0")/.."
groups=${1:-2000}
dev=../shared/corpora/unpc-v1.0-devset
[ -r "$dev/UNv1.0.devset.en" ] || { echo "lexicon-batch.sh: $dev is absent" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)"; exit 2; }
tmp=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
go build -trimpath -o "$tmp/driftcheck" ./cmd/driftcheck
mkdir -p "$tmp/in"
echo "symbol,role,lang,path" >"$tmp/in/manifest.csv"
for lang in en zh; do
	awk -v dir="$tmp/in" -v lang="$lang" -v n="$groups" '
	{ g = int((NR - 1) / 2) + 1; if (g > n) exit; print > (dir "/g" g "." lang ".txt") }' "$dev/UNv1.0.devset.$lang"
done
for g in $(seq "$groups"); do
	[ -s "$tmp/in/g$g.en.txt" ] || break
	echo "G/$g,voted,en,g$g.en.txt" >>"$tmp/in/manifest.csv"
	echo "G/$g,final,zh,g$g.zh.txt" >>"$tmp/in/manifest.csv"
done
n=$(($(wc -l <"$tmp/in/manifest.csv") / 2))
scripts/lexicon-unbis.sh 1 >"$tmp/unbis.tsv"
scripts/lexicon-unbis.sh 1 reference unaccented >"$tmp/unbis-ref.tsv"
"$tmp/driftcheck" lexicon compile "$tmp/unbis-ref.tsv" -o "$tmp/unbis-ref.dcx" 2>/dev/null
run() { # name, then the lexicon options; prints "name cpu_per_group_ms"
	local name=$1
	shift
	rm -rf "$tmp/out"
	/usr/bin/time -f '%U %S' -o "$tmp/t" "$tmp/driftcheck" batch -q -j 1 --manifest "$tmp/in/manifest.csv" --out "$tmp/out" "$@" >/dev/null 2>&1 || true
	awk -v name="$name" -v n="$n" '{ printf "%s %.3f\n", name, ($1 + $2) * 1000 / n }' "$tmp/t"
}
{
	run default
	run unbis --lexicon "$tmp/unbis.tsv"
	run unbis-reference --lexicon "$tmp/unbis-ref.tsv"
	run unbis-reference-compiled --lexicon "$tmp/unbis-ref.dcx"
} >"$tmp/r"
base=$(awk '$1 == "default" { print $2 }' "$tmp/r")
echo "batch of $n groups (en voted, zh final), CPU per group, one run each:"
awk -v b="$base" '{ printf "  %-26s %8.3f ms  %.2fx the default lexicon\n", $1, $2, $2 / b }' "$tmp/r"
