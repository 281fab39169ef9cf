#!/usr/bin/env bash
# The steps of the driftcheck GitHub Action (action.yml), runnable outside
# GitHub with the same environment:
#   scripts/action.sh build     the binary to use: INPUT_DRIFTCHECK, else built
#                               from the action's source (GITHUB_ACTION_PATH)
#                               into RUNNER_TEMP; its path in $GITHUB_OUTPUT
#                               (bin=…)
#   scripts/action.sh check     the text report in the log, the SARIF report
#                               in INPUT_SARIF_FILE, the check's exit status
#                               in $GITHUB_OUTPUT (status=0|1)
#   scripts/action.sh verdict   fail (exit 1) when that status is 1
# Environment, as action.yml passes the inputs:
#   DRIFTCHECK          the binary (default: driftcheck on PATH)
#   INPUT_VOTED         the voted text (FILE or LANG=FILE); empty: every file
#                       is a TMX/XLIFF checked on its own
#   INPUT_FILES         the finals, one a line (FILE or LANG=FILE)
#   INPUT_FAIL_ON       error, warning (default) or info
#   INPUT_ARGS          more check flags, split on spaces (--lexicon terms.tsv)
#   INPUT_SARIF_FILE    where the SARIF report goes (default driftcheck.sarif)
#   GITHUB_OUTPUT       the step's output file (GitHub sets it)
# Exit status of check: 0 whatever the findings (the verdict step decides,
# after the SARIF upload), 2 for a usage or input error.
set -euo pipefail

die() {
	echo "driftcheck action: $*" >&2
	exit 2
}

output() {
	if [[ -n "${GITHUB_OUTPUT:-}" ]]; then
		echo "$1" >>"$GITHUB_OUTPUT"
	fi
}

build() {
	if [[ -n ${INPUT_DRIFTCHECK:-} ]]; then
		[[ -x $INPUT_DRIFTCHECK ]] || die "driftcheck: $INPUT_DRIFTCHECK is not an executable file"
		output "bin=$INPUT_DRIFTCHECK"
		return
	fi
	local src=${GITHUB_ACTION_PATH:-$(dirname "$0")/..}
	local bin=${RUNNER_TEMP:-${TMPDIR:-/tmp}}/driftcheck
	(cd "$src" && CGO_ENABLED=0 go build -trimpath -o "$bin" ./cmd/driftcheck) || die "building driftcheck in $src failed"
	output "bin=$bin"
}

check() {
	local bin=${DRIFTCHECK:-driftcheck}
	local fail_on=${INPUT_FAIL_ON:-warning}
	local sarif=${INPUT_SARIF_FILE:-driftcheck.sarif}
	case $fail_on in
	error | warning | info) ;;
	*) die "fail-on: unknown level \"$fail_on\": error, warning or info" ;;
	esac
	local -a files=() extra=() voted=()
	local line
	while IFS= read -r line; do
		line=${line#"${line%%[![:space:]]*}"} # trim leading blanks
		line=${line%"${line##*[![:space:]]}"} # and trailing ones
		[[ -n $line ]] && files+=("$line")
	done <<<"${INPUT_FILES:-}"
	((${#files[@]} > 0)) || die "files: no file given (one a line)"
	if [[ -n ${INPUT_ARGS:-} ]]; then
		read -ra extra <<<"$INPUT_ARGS"
	fi
	if [[ -n ${INPUT_VOTED:-} ]]; then
		voted=(--voted "$INPUT_VOTED")
	fi

	local status=0
	"$bin" check ${voted[@]+"${voted[@]}"} --fail-on "$fail_on" --color never ${extra[@]+"${extra[@]}"} -- "${files[@]}" || status=$?
	if ((status > 1)); then
		exit "$status" # the check said why on standard error
	fi
	# The SARIF report holds every finding down to info: code scanning
	# shows them by severity; the verdict follows --fail-on alone.
	local sarif_status=0
	"$bin" check ${voted[@]+"${voted[@]}"} --format sarif --level info --output "$sarif" ${extra[@]+"${extra[@]}"} -- "${files[@]}" || sarif_status=$?
	if ((sarif_status > 1)); then
		exit "$sarif_status"
	fi
	output "status=$status"
	output "sarif=$sarif"
}

verdict() {
	case ${STATUS:-} in
	0) echo "driftcheck: no finding at or above ${INPUT_FAIL_ON:-warning}" ;;
	1)
		echo "driftcheck: findings at or above ${INPUT_FAIL_ON:-warning} (see the log above and the code scanning alerts)" >&2
		exit 1
		;;
	*) die "verdict: no status from the check step (STATUS=\"${STATUS:-}\")" ;;
	esac
}

case ${1:-} in
build) build ;;
check) check ;;
verdict) verdict ;;
*) die "usage: scripts/action.sh build|check|verdict" ;;
esac
