#!/bin/bash
# driftcheck over an archive as a Slurm job array: 8 tasks, each checking
# the document groups whose symbol hashes to its SLURM_ARRAY_TASK_ID (0-7).
#
# Submit it by running it, not with sbatch:
#   bash docs/slurm-array.sh              # all 8 tasks
#   bash docs/slurm-array.sh --array=3    # task 3 again (extra args go to sbatch)
# Run outside a job, it creates logs/ (Slurm opens the --output file below
# before the job starts, and does not create its directory) and submits
# itself. The job inherits the environment, so the paths may be set there:
#   DRIFTCHECK=/opt/driftcheck/driftcheck MANIFEST=/scratch/archive/manifest.csv OUT=/scratch/out bash docs/slurm-array.sh
# Resubmitting the array (or a failed task) resumes where it stopped.
# Afterwards: driftcheck batch merge --out out/results.jsonl out/shard-*
#
#SBATCH --job-name=driftcheck
#SBATCH --array=0-7
#SBATCH --cpus-per-task=2
#SBATCH --mem=512M
#SBATCH --time=04:00:00
#SBATCH --output=logs/driftcheck-%A_%a.log
set -euo pipefail

DRIFTCHECK=${DRIFTCHECK:-./driftcheck}
MANIFEST=${MANIFEST:-archive/manifest.csv}
OUT=${OUT:-out}
# The number of shards: the size of the whole --array above, also when only
# some tasks are resubmitted (so not SLURM_ARRAY_TASK_COUNT).
SHARDS=${SHARDS:-8}

if [[ -z "${SLURM_JOB_ID:-}" ]]; then
	mkdir -p logs "$OUT"
	export DRIFTCHECK MANIFEST OUT SHARDS
	exec sbatch --export=ALL "$@" "$0"
fi

# driftcheck takes the shard index from SLURM_ARRAY_TASK_ID itself.
exec "$DRIFTCHECK" batch \
	--manifest "$MANIFEST" \
	--shards "$SHARDS" \
	--out "$OUT/shard-${SLURM_ARRAY_TASK_ID}" \
	--jobs "${SLURM_CPUS_PER_TASK:-2}" --quiet
