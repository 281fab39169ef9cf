#!/usr/bin/env bash
# Measures one cold `driftcheck check` of the founding case (English voted,
# Chinese final) against loading gse's stock embedded dictionary, in the
# same run: wall time and peak RSS of each (GNU time -v), their ratio, and
# the size of the driftcheck binary. Usage: scripts/measure-cold.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -trimpath -o "$tmp/driftcheck" ./cmd/driftcheck
go build -trimpath -o "$tmp/gseload" ./internal/gseload
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)"; exit 2; }

measure() { # prints "wall_seconds max_rss_kb" of one run of "$@"
	/usr/bin/time -f '%e %M' -o "$tmp/t" "$@" >/dev/null 2>&1 || true
	tail -n1 "$tmp/t"
}
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for i in $(seq "$runs"); do
	measure "$tmp/driftcheck" check --voted testdata/founding/L36.en.txt testdata/founding/RES.zh.txt >>"$tmp/dc"
	measure "$tmp/gseload" >>"$tmp/gse"
done
dcw=$(cut -d' ' -f1 "$tmp/dc" | median); dcm=$(cut -d' ' -f2 "$tmp/dc" | median)
gw=$(cut -d' ' -f1 "$tmp/gse" | median); gm=$(cut -d' ' -f2 "$tmp/gse" | median)
echo "driftcheck binary: $(stat -c %s "$tmp/driftcheck") bytes"
echo "cold check of the founding case: median wall ${dcw}s, peak RSS $((dcm / 1024)) MiB ($runs runs)"
echo "gse.NewEmbed() stock dictionary load: median wall ${gw}s, peak RSS $((gm / 1024)) MiB ($runs runs)"
awk -v a="$dcw" -v b="$gw" 'BEGIN { if (b > 0) printf "ratio check/load: %.3f\n", a / b }'
