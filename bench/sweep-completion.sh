#!/usr/bin/env bash
# The sweep speed benchmark: a 300-point completion sweep on n = 100 (rank 5, ‖Φ‖_F = 100, as the completion-depth
# preset), 3 depths × 10 observation counts × 10 seeds, each run stopping at train MSE ≤ 1e-6 (Arora et al.) or at
# its budget, in one JVM on all cores. Target: within 15 minutes on 2 cores. Run it on a quiet machine:
#
#   bench/sweep-completion.sh [OUT] [extra dmflab sweep options, e.g. --workers 2]
#
# Per depth N the step is the completion-depth preset's rule η = min(0.01, (n²/M)/(N·‖Φ‖₂^{2−2/N})) at the largest M
# (so it is admissible for every M; ‖Φ‖₂ ≈ 55 for these targets) and σ gives E‖W(0)‖_F = 10⁻⁴·‖Φ‖_F (InitScale).
# Afterwards one point is run alone with dmflab experiment: the sweep's wall time × workers / points against it is
# the per-point overhead of the sweep. Prints both times.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/dmflab-bench-sweep}
shift || true
jar=cli/target/dmflab.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -B -o -q -pl core,cli -DskipTests package" >&2; exit 2; }
settings=(--set generate.spectrum=gaussian-factors:5 --set generate.n=100 --set train.init=gaussian
          --set train.seed=2 --set train.loss=completion --set train.solver=matrix --set train.iterations=30000
          --set train.record=log:200)
start=$(date +%s.%N)
java -jar "$jar" sweep "${settings[@]}" \
  --vary generate.observations=1000,1500,2000,2500,3000,3500,4000,4500,5000,5500 \
  --vary 'train.depth/train.step/train.sigma=2/0.01/0.00316,3/0.0029/0.01,4/0.0011/0.0178' \
  --seeds 1..10 --stop-mse 1e-6 --out "$out" "$@"
end=$(date +%s.%N)
one=$(mktemp -d)
single_start=$(date +%s.%N)
java -jar "$jar" experiment --preset custom "${settings[@]}" --set generate.observations=3000 --set train.depth=3 \
  --set train.step=0.0029 --set train.sigma=0.01 --set generate.seed=1 --set train.tolerance=0.0015 \
  --out "$one/point" > /dev/null
single_end=$(date +%s.%N)
rm -rf "$one"
echo "sweep: $(echo "$end - $start" | bc) s wall on $(nproc) cores ($(ls "$out/points" | wc -l) of 300 points in $out); one point alone (M = 3000, N = 3, seed 1): $(echo "$single_end - $single_start" | bc) s wall"
