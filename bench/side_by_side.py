#!/usr/bin/env python3
"""DMF Lab's matrix solver against PyTorch (the field's research code) and numpy, side by side, interleaved.

For each round and each n, every contestant runs the cases (N = 3 full, N = 5 full, N = 3 sensing, N = 3 completion
with 20 % of the entries of a rank-5 target observed) in its own process,
in an order rotated from round to round, so that a burst of load from elsewhere hits all contestants alike. The table
gives the median of the rounds' steps/s per contestant; PyTorch and numpy each at their best thread setting (1 or 2,
fixed through OMP_NUM_THREADS / OPENBLAS_NUM_THREADS and torch.set_num_threads), DMF Lab as the trainer runs it (AUTO),
with the load average (1 min) seen at the measurements. Each record also has steps per CPU second of the whole process
(--metric steps_per_cpu_s), the fairer figure when other processes take most of the machine.

Build first: ./mvnw -B -P bench -pl core,bench package -DskipTests
Run:         python3 bench/side_by_side.py [--seconds 1] [--rounds 3] [--sizes 10,20,50,100,200,500,1000]
                                           [--kernels AUTO] [--out bench/results.jsonl]
PyTorch comes from Debian (apt-get install python3-torch libopenblas0-pthread) and runs under /usr/bin/python3; numpy
runs under the first python3 on PATH (its own OpenBLAS). Benchmarks only, never CI.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
JAR = BENCH / "target" / "dmflab-bench.jar"


def cases(n):
    return [(n, 3, "full"), (n, 5, "full"), (n, 3, "sensing"), (n, 3, "completion")]


def command(contestant, seconds, n):
    kind, setting = contestant
    args = [str(x) for case in cases(n) for x in case]
    if kind == "dmflab":
        classpath = os.environ.get("DMFLAB_BENCH_CP", str(JAR))
        return ["java", "-cp", classpath, "org.dmflab.bench.SideBySide", setting, str(seconds)] + args, {}
    env = {"OMP_NUM_THREADS": str(setting), "OPENBLAS_NUM_THREADS": str(setting), "MKL_NUM_THREADS": str(setting)}
    python = "/usr/bin/python3" if kind == "torch" else sys.executable
    return [python, str(BENCH / "dmf_step.py"), kind, str(setting), str(seconds)] + args, env


def run(contestant, seconds, n):
    cmd, extra = command(contestant, seconds, n)
    env = dict(os.environ, **extra)
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def label(record):
    return f"{record['solver']} {record['threads']}"


def fmt(x):
    return f"{x:,.0f}" if x >= 100 else f"{x:.3g}"


def table(records, metric="steps_per_s"):
    by = {}
    for r in records:
        by.setdefault((r["solver"], str(r["threads"]), r["n"], r["N"], r["loss"]), []).append(r)
    med = {k: statistics.median(x[metric] for x in v) for k, v in by.items() if all(metric in x for x in v)}
    loads = {k: [float(x["load"]) for x in v] for k, v in by.items()}
    keys = sorted({(k[2], k[3], k[4]) for k in by}, key=lambda c: (c[2], c[1], c[0]))
    lines = ["| loss | N | n | DMF Lab (AUTO) | PyTorch best (threads) | numpy best (threads) | DMF Lab / PyTorch "
             "| DMF Lab / numpy | load (1 min) |", "|---|---|---|---|---|---|---|---|---|"]
    for n, depth, loss in keys:
        def best(solver):
            options = [(med[k], k[1]) for k in med if k[0] == solver and k[2:] == (n, depth, loss)]
            return max(options) if options else (float("nan"), "-")
        dmf, torch, numpy = best("dmflab"), best("torch"), best("numpy")
        case_loads = [x for k, v in loads.items() if k[2:] == (n, depth, loss) for x in v]
        lines.append(f"| {loss} | {depth} | {n} | {fmt(dmf[0])} | {fmt(torch[0])} ({torch[1]}) | {fmt(numpy[0])} "
                     f"({numpy[1]}) | {dmf[0] / torch[0]:.2f} | {dmf[0] / numpy[0]:.2f} | "
                     f"{min(case_loads):.1f}–{max(case_loads):.1f} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=1.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sizes", default="10,20,50,100,200,500,1000")
    parser.add_argument("--kernels", default="AUTO", help="DMF Lab kernels (MatrixKernel names), comma-separated")
    parser.add_argument("--out", default=str(BENCH / "results.jsonl"))
    parser.add_argument("--table-only", action="store_true", help="print the table of an existing --out file")
    parser.add_argument("--metric", default="steps_per_s", choices=["steps_per_s", "steps_per_cpu_s"],
                        help="steps per wall-clock second (default) or per CPU second of the process")
    args = parser.parse_args()
    out = Path(args.out)
    if args.table_only:
        print(table([json.loads(line) for line in out.read_text().splitlines()], args.metric))
        return
    contestants = [("dmflab", k) for k in args.kernels.split(",")] + [("torch", 1), ("torch", 2), ("numpy", 1),
                                                                       ("numpy", 2)]
    records = []
    with out.open("w") as sink:
        for round_ in range(args.rounds):
            for n in (int(s) for s in args.sizes.split(",")):
                shift = round_ % len(contestants)
                for contestant in contestants[shift:] + contestants[:shift]:
                    for record in run(contestant, args.seconds, n):
                        record["round"] = round_
                        records.append(record)
                        sink.write(json.dumps(record) + "\n")
                        sink.flush()
                        print(f"round {round_ + 1} {label(record)} n={n} N={record['N']} {record['loss']}: "
                              f"{record['steps_per_s']:,.1f} steps/s (load {record['load']})", file=sys.stderr,
                              flush=True)
    print(table(records, args.metric))


if __name__ == "__main__":
    main()
