#!/usr/bin/env bash
# Runs a dmflab sweep on a Slurm cluster as a job array, one shard per array task, then collects the shards.
#
#   dmflab-sweep.sh SHARDS OUT [SWEEP ARGUMENTS…]
#
#   SHARDS  number of array tasks (each runs dmflab sweep --shard I/SHARDS, I = 1 … SHARDS)
#   OUT     the sweep's folder, on a file system every node sees (the shards write their points into it)
#   the rest: the arguments of dmflab sweep, e.g. --set train.loss=completion --vary train.depth=2,3,4 --seeds 1..10
#
# Environment:
#   DMFLAB          how to start dmflab on the nodes; default "dmflab" (e.g. DMFLAB="java -jar /opt/dmflab.jar")
#   DMFLAB_SBATCH   extra sbatch options for every job, e.g. "--partition=short --time=02:00:00 --cpus-per-task=8"
#
# Every task runs its shard on the cores Slurm gave it (--workers $SLURM_CPUS_PER_TASK, else all it sees). A task that
# fails or is cancelled can simply be submitted again: its shard finishes only its missing points. The collect job
# starts when every task has succeeded (--dependency=afterok) and writes OUT/sweep.csv and the charts. Prints the
# two job ids.
set -euo pipefail

if [ $# -lt 2 ] || ! [[ "$1" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: $0 SHARDS OUT [dmflab sweep arguments…]" >&2
  exit 2
fi
shards=$1
out=$2
shift 2
dmflab=${DMFLAB:-dmflab}
read -r -a extra <<< "${DMFLAB_SBATCH:-}"
mkdir -p "$out.slurm"
logs=$(cd "$out.slurm" && pwd)

# the arguments, quoted for the job scripts
quoted=$(printf ' %q' "$@")
out_quoted=$(printf '%q' "$out")

array=$(sbatch --parsable "${extra[@]}" --job-name=dmflab-sweep --array="1-$shards" \
  --output="$logs/shard-%a.log" <<JOB
#!/usr/bin/env bash
set -euo pipefail
workers=\${SLURM_CPUS_PER_TASK:-\$(nproc)}
exec $dmflab sweep$quoted --shard "\$SLURM_ARRAY_TASK_ID/$shards" --workers "\$workers" --out $out_quoted
JOB
)
array=${array%%;*}

collect=$(sbatch --parsable "${extra[@]}" --job-name=dmflab-collect --dependency="afterok:$array" \
  --output="$logs/collect.log" <<JOB
#!/usr/bin/env bash
set -euo pipefail
exec $dmflab collect $out_quoted
JOB
)
collect=${collect%%;*}
echo "submitted shards: job $array (array 1-$shards), collect: job $collect; logs in $logs"
