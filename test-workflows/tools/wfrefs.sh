#!/bin/sh
# Writes the reference tables of DMF Lab's testflows with our CLI, then the workflows (wfgen.py).
#   sh wfrefs.sh CHECKOUT        (CHECKOUT built with ./mvnw -B -q -pl core,cli package -DskipTests)
set -eu
CHECKOUT=$(cd "$1" && pwd)
R=$(mktemp -d)
J="java -jar $CHECKOUT/cli/target/dmflab.jar"
exec 3>&1 1>"$R/cli.log"
RUN="--depth 3 --step 0.01 --init identity --alpha 0.02"
$J generate --spectrum geometric:8,0.5,6 --eigenvectors identity --seed 1 --out "$R/gen"
$J train --target "$R/gen/matrix.csv" $RUN --beta 0.01 --iterations 25000 --record log:400 --out "$R/train"
$J track --trace "$R/train/trace.csv" --target "$R/gen/matrix.csv" --epsilon 0.01 --plateau-tolerance 0.05 \
    --out "$R/track"
mv "$R/track/plateaus.csv" "$R/track/observed-plateaus.csv"
rm -f "$R"/track/*.png
if $J predict --help 2>&1 | grep -q -- --horizon; then
  $J predict --spectrum "$R/gen/spectrum.csv" $RUN --beta 0.01 --epsilon 0.01 --delta 0.005 --horizon 10000000 \
      --out "$R/predict" > "$R/predict.log"
  $J track --trace "$R/train/trace.csv" --target "$R/gen/matrix.csv" --predicted "$R/predict/plateaus.csv" \
      --epsilon 0.01 --plateau-tolerance 0.05 --out "$R/e2e"
  mv "$R/e2e/plateaus.csv" "$R/e2e/observed-plateaus.csv"
  rm -f "$R"/e2e/*.png
fi
# matrix completion: a random rank-2 10x10 target, 60 observed entries, depth 3 from a Gaussian start
$J generate --spectrum gaussian-factors:2 --n 10 --m 10 --seed 1 --observations 60 --out "$R/cgen"
$J train --target "$R/cgen/matrix.csv" --observations "$R/cgen/observations.csv" --loss completion --depth 3 \
    --step 0.05 --init gaussian --sigma 0.1 --seed 1 --iterations 400 --record every:20 --out "$R/ctrain"
# nuclear-norm baseline on the same observations
$J baseline --target "$R/cgen/matrix.csv" --observations "$R/cgen/observations.csv" --tolerance 1e-6 \
    --iterations 10000 --out "$R/baseline"
# the denoise-your-matrix example's matrix: the denoising preset's clean rank-3 matrix (eigenvalues 4, 2, 1, n = 40)
$J generate --spectrum 4,2,1 --n 40 --eigenvectors random --seed 21 --out "$R/denoise"
# depth sweep (loop testflow): one run per depth 2..4; one row each from the run's summary and its trace's last row
mkdir -p "$R/sweep"
for DEPTH in 2 3 4; do
  $J train --target "$R/gen/matrix.csv" --depth $DEPTH --step 0.004 --init identity --alpha 0.1 --beta 0.01 \
      --iterations 5000 --record log:50 --out "$R/sweep/depth$DEPTH" > "$R/sweep/depth$DEPTH.log"
done
python3 - "$R/sweep" <<'EOF'
import csv, re, sys
out = sys.argv[1]
with open(out + "/runs.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["depth_value", "dmflab_final_loss", "dmflab_final_effective_rank", "dmflab_iterations", "dmflab_solver"])
    for depth in (2, 3, 4):
        rows = list(csv.DictReader(open(f"{out}/depth{depth}/trace.csv", newline="")))
        solver = re.match(r"solver (\w+),", open(f"{out}/depth{depth}.log").read()).group(1)
        w.writerow([depth, rows[-1]["loss"], rows[-1]["effective_rank"], rows[-1]["iteration"], solver])
EOF
echo "$R" >&3
