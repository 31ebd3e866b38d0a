#!/usr/bin/env python3
"""One matrix gradient-descent step of deep matrix factorization in numpy, as MatrixStepBenchmark does it in Java.

Step (docs/theory.md (6), (9); docs/design.md §5): prefix products P_j = W_j ... W_1 (N-1 products), G = W - Phi, then from
j = N down to 2: S_next = W_j^T S and W_j -= eta * S P_{j-1}^T (2(N-1) products), finally W_1 -= eta * S.
Same target (V diag(1/i) V^T, random orthogonal V), same start (alpha I, alpha = 0.5) and eta = 1e-4.

Usage: python3 bench/numpy_step.py [seconds per case]     (prints a markdown table of steps/s)
Run with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset so that OpenBLAS picks its own kernels.
"""
import os
import sys
import time

import numpy as np


def target(n, rng):
    q, r = np.linalg.qr(rng.standard_normal((n, n)))
    q = q * np.sign(np.diag(r))
    return (q / np.arange(1, n + 1)) @ q.T


def make_step(phi, depth, eta=1e-4, alpha=0.5):
    n = phi.shape[0]
    factors = [alpha * np.eye(n) for _ in range(depth)]
    prefix = [None] * depth

    def step():
        prefix[0] = factors[0]
        for j in range(1, depth):
            prefix[j] = factors[j] @ prefix[j - 1]
        s = prefix[depth - 1] - phi
        loss = 0.5 * float(np.vdot(s, s))
        for j in range(depth - 1, 0, -1):
            s_next = factors[j].T @ s
            factors[j] -= eta * (s @ prefix[j - 1].T)
            s = s_next
        factors[0] -= eta * s
        return loss

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


def blas_threads():
    try:
        import threadpoolctl
        return ", ".join(f"{i['internal_api']} {i['num_threads']} threads" for i in threadpoolctl.threadpool_info())
    except ImportError:
        return "OPENBLAS_NUM_THREADS=" + os.environ.get("OPENBLAS_NUM_THREADS", "unset (OpenBLAS default: all %d cores)"
                                                        % os.cpu_count())


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 2.0
    rng = np.random.default_rng(1)
    print(f"numpy {np.__version__}, {blas_threads()}, OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE')}")
    print("| n | N | numpy steps/s |")
    print("|---|---|---|")
    for n in (10, 50, 100, 200):
        phi = target(n, rng)
        for depth in (2, 3, 5):
            rate = steps_per_second(make_step(phi, depth), seconds)
            print(f"| {n} | {depth} | {rate:.0f} |", flush=True)


if __name__ == "__main__":
    main()
