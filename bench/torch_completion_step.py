#!/usr/bin/env python3
"""One matrix-completion step of deep matrix factorization in PyTorch, as the peers' research code does it.

The peers (Arora, Cohen, Hu, Luo 2019 and follow-ups) form W = W_N ... W_1 densely, gather the observed entries
(W.flatten()[idx]), take the loss 0.5 * sum((W[idx] - y)^2) and let autograd do the backward products; one SGD step.
CompletionStepBenchmark does the same step in Java. Same instance: rank-5 100x100 matrix with Gaussian factors,
Frobenius norm 100, M observed entries, Gaussian start sigma = 0.01, float64, step 1e-4.

Usage: python3 bench/torch_completion_step.py [seconds per case] [threads]   (prints a markdown table of steps/s)
Needs python3-torch (apt); a benchmark only, never run by CI.
"""
import sys
import time

import torch


def instance(m, n, rank, observed, generator):
    u = torch.randn(m, rank, generator=generator, dtype=torch.float64)
    v = torch.randn(n, rank, generator=generator, dtype=torch.float64)
    phi = u @ v.T
    phi *= (m * n) ** 0.5 / torch.linalg.norm(phi)
    idx = torch.randperm(m * n, generator=generator)[:observed]
    return phi, idx, phi.flatten()[idx].clone()


def make_step(m, n, depth, idx, y, generator, sigma=0.01, eta=1e-4):
    shapes = [(n, n)] * (depth - 1) + [(m, n)]
    factors = [(sigma * torch.randn(*shape, generator=generator, dtype=torch.float64)).requires_grad_()
               for shape in shapes]

    def step():
        w = factors[0]
        for factor in factors[1:]:
            w = factor @ w
        loss = 0.5 * ((w.flatten()[idx] - y) ** 2).sum()
        loss.backward()
        with torch.no_grad():
            for factor in factors:
                factor -= eta * factor.grad
                factor.grad = None
        return loss.item()

    return step


def steps_per_second(step, seconds):
    for _ in range(20):
        step()
    count = 0
    start = time.perf_counter()
    while True:
        for _ in range(10):
            step()
        count += 10
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return count / elapsed


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 2.0
    if len(sys.argv) > 2:
        torch.set_num_threads(int(sys.argv[2]))
    generator = torch.Generator().manual_seed(1)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, float64, 100x100 rank 5")
    print("| N | M | PyTorch steps/s |")
    print("|---|---|---|")
    for observed in (2000, 5000):
        phi, idx, y = instance(100, 100, 5, observed, generator)
        for depth in (2, 3, 4):
            rate = steps_per_second(make_step(100, 100, depth, idx, y, generator), seconds)
            print(f"| {depth} | {observed} | {rate:.0f} |", flush=True)


if __name__ == "__main__":
    main()
