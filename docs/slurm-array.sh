#!/bin/bash
# driftcheck over an archive as a Slurm job array: 8 tasks, each checking
# the document groups whose symbol hashes to its SLURM_ARRAY_TASK_ID (0-7).
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
mkdir -p out logs
exec ./driftcheck batch \
	--manifest archive/manifest.csv \
	--shards 8 \
	--out "out/shard-${SLURM_ARRAY_TASK_ID}" \
	--jobs "${SLURM_CPUS_PER_TASK:-2}" --quiet
