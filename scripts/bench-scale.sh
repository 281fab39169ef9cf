#!/usr/bin/env bash
# Times one whole `driftcheck check` process of the six-language UNPC
# devset (English voted, the five other languages finals) repeated 1, 2, 4
# and 8 times end to end (the files TestWriteScaleCorpus writes), with GNU
# time -v: wall time, peak RSS, time per voted paragraph and throughput.
# Needs ../shared/corpora/unpc-v1.0-devset. Usage: scripts/bench-scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -trimpath -o "$tmp/driftcheck" ./cmd/driftcheck
DRIFTCHECK_SCALE_DIR=$tmp go test -count=1 -run '^TestWriteScaleCorpus$' . >"$tmp/gen.log" 2>&1 || { cat "$tmp/gen.log" >&2; exit 2; }
[ -f "$tmp/devset.x1.en.txt" ] || { echo "no corpus written (is ../shared absent?)" >&2; cat "$tmp/gen.log" >&2; exit 2; }

printf '%-5s %8s %10s %8s %10s %12s %8s %8s\n' size paras input_MB wall_s peak_MiB ns/para MB/s RSS/in
for k in 1 2 4 8; do
	f=("$tmp/devset.x$k".{zh,fr,es,ru,ar}.txt)
	# Exit status 1 (findings) is normal; 2 is an error.
	rc=0
	/usr/bin/time -v -o "$tmp/t" "$tmp/driftcheck" check --format json \
		--voted "$tmp/devset.x$k.en.txt" "${f[@]}" >"$tmp/out.json" 2>"$tmp/err" || rc=$?
	[ "$rc" -le 1 ] || { cat "$tmp/err" >&2; exit 2; }
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$tmp/t")
	rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/t")
	paras=$(grep -c . "$tmp/devset.x$k.en.txt")
	bytes=$(cat "$tmp/devset.x$k".{en,zh,fr,es,ru,ar}.txt | wc -c)
	awk -v k="$k" -v p="$paras" -v b="$bytes" -v w="$wall" -v r="$rss" 'BEGIN {
		printf "%-5s %8d %10.2f %8.2f %10.1f %12.0f %8.2f %8.1f\n", k "x", p, b/1e6, w, r/1024, w*1e9/p, b/1e6/w, r*1024/b }'
done
