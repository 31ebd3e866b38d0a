#!/usr/bin/env python3
"""Deep matrix factorization gradient descent in PyTorch and numpy: the contestants of bench/side_by_side.py.

torch: what the field's research code does (e.g. the code of Arora et al. 2019 and its descendants) - the factors are
float64 tensors with requires_grad, the end-to-end product W = W_N ... W_1 is formed with @, the loss is
0.5 * ||W - Phi||_F^2 (full), 0.5 * sum_i (<A_i, W> - y_i)^2 (sensing, A as an M x n^2 matrix times vec W) or
0.5 * sum (W.flatten()[idx] - y)^2 (completion, the gather of bench/torch_completion_step.py), autograd computes the
gradients and torch.optim.SGD takes the step.
numpy: the hand-written step of DMF Lab's matrix solver (docs/theory.md (6), (9)): prefix products, S walking back from
W_N, W_j -= eta S P_{j-1}^T - the same 3(N - 1) products as autograd.

Both use the same target V diag(1/i) V^T (random orthogonal V), identity start alpha I (alpha = 0.5), eta = 1e-4, and for
sensing Gaussian A_i with N(0, 1/M) entries, y = A vec(Phi); completion: a rank-5 target U V^T with Gaussian factors
scaled to ||Phi||_F = n, observed at 20 % of its entries (uniformly without replacement, in row-major order).

Usage: dmf_step.py torch|numpy THREADS SECONDS n N loss [n N loss ...]   (one JSON line per case on stdout)
Thread counts are fixed with OMP_NUM_THREADS / OPENBLAS_NUM_THREADS by the caller (before numpy/torch load) and, for
torch, torch.set_num_threads as well.
"""
import json
import os
import sys
import time

import numpy as np


def target(n, rng):
    q, r = np.linalg.qr(rng.standard_normal((n, n)))
    q = q * np.sign(np.diag(r))
    return (q / np.arange(1, n + 1)) @ q.T


def measurements(n):
    """M = 4n measurements, capped so that the operator matrix has at most 2e7 entries (160 MB)."""
    return max(1, min(4 * n, 20_000_000 // (n * n)))


def sensing_data(phi, rng):
    n = phi.shape[0]
    m = measurements(n)
    a = rng.standard_normal((m, n * n)) / np.sqrt(m)
    return a, a @ phi.reshape(-1)


OBSERVED_FRACTION = 0.2


def completion_data(n, rng, rank=5):
    """A rank-5 n x n target with Gaussian factors (||Phi||_F = n) and 20 % of its entries, flat indices ascending."""
    phi = rng.standard_normal((n, rank)) @ rng.standard_normal((n, rank)).T
    phi *= n / np.linalg.norm(phi)
    idx = np.sort(rng.choice(n * n, size=max(1, round(OBSERVED_FRACTION * n * n)), replace=False))
    return phi, idx, phi.reshape(-1)[idx].copy()


def numpy_step(phi, depth, loss, rng, eta=1e-4, alpha=0.5):
    n = phi.shape[0]
    factors = [alpha * np.eye(n) for _ in range(depth)]
    prefix = [None] * depth
    a, y = sensing_data(phi, rng) if loss == "sensing" else (None, None)
    if loss == "completion":
        phi, idx, observed = completion_data(n, rng)
        gathered = np.zeros((n, n))

    def step():
        prefix[0] = factors[0]
        for j in range(1, depth):
            prefix[j] = factors[j] @ prefix[j - 1]
        w = prefix[depth - 1]
        if loss == "completion":
            r = w.reshape(-1)[idx] - observed
            value = 0.5 * float(r @ r)
            gathered.reshape(-1)[idx] = r
            s = gathered
        elif a is None:
            s = w - phi
            value = 0.5 * float(np.vdot(s, s))
        else:
            r = a @ w.reshape(-1) - y
            value = 0.5 * float(r @ r)
            s = (a.T @ r).reshape(n, n)
        for j in range(depth - 1, 0, -1):
            s_next = factors[j].T @ s
            factors[j] -= eta * (s @ prefix[j - 1].T)
            s = s_next
        factors[0] -= eta * s
        return value

    return step


def torch_step(phi, depth, loss, rng, eta=1e-4, alpha=0.5):
    import functools
    import torch
    n = phi.shape[0]
    target_t = torch.from_numpy(phi)
    factors = [torch.nn.Parameter(alpha * torch.eye(n, dtype=torch.float64)) for _ in range(depth)]
    optimizer = torch.optim.SGD(factors, lr=eta)
    if loss == "sensing":
        a, y = sensing_data(phi, rng)
        a_t, y_t = torch.from_numpy(a), torch.from_numpy(y)
    else:
        a_t = y_t = None
    if loss == "completion":
        phi, idx, observed = completion_data(n, rng)
        idx_t, observed_t = torch.from_numpy(idx), torch.from_numpy(observed)

    def step():
        optimizer.zero_grad()
        w = functools.reduce(lambda acc, f: f @ acc, factors[1:], factors[0])  # W_N ... W_1
        if loss == "completion":
            value = 0.5 * ((w.flatten()[idx_t] - observed_t) ** 2).sum()
        elif a_t is None:
            value = 0.5 * ((w - target_t) ** 2).sum()
        else:
            value = 0.5 * ((a_t @ w.reshape(-1) - y_t) ** 2).sum()
        value.backward()
        optimizer.step()
        return value.item()

    return step


def steps_per_second(step, seconds):
    """(steps per wall-clock second, steps per CPU second of the whole process)."""
    start = time.perf_counter()
    step()  # warm-up: at least one step and as long as the measurement, as on the Java side
    while time.perf_counter() - start < seconds:
        step()
    count = 0
    start = time.perf_counter()
    cpu = time.process_time()
    while True:
        step()
        count += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds and count >= 3:
            return count / elapsed, count / (time.process_time() - cpu)


def main():
    solver, threads, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    cases = sys.argv[4:]
    if solver == "torch":
        import torch
        torch.set_num_threads(threads)
        version = "torch " + torch.__version__
        make = torch_step
    else:
        version = "numpy " + np.__version__
        make = numpy_step
    for i in range(0, len(cases), 3):
        n, depth, loss = int(cases[i]), int(cases[i + 1]), cases[i + 2]
        rng = np.random.default_rng(1)
        step = make(target(n, rng), depth, loss, rng)
        rate, cpu_rate = steps_per_second(step, seconds)
        print(json.dumps({"solver": solver, "version": version, "threads": threads, "n": n, "N": depth,
                          "loss": loss, "steps_per_s": rate, "steps_per_cpu_s": cpu_rate,
                          "load": os.getloadavg()[0]}), flush=True)


if __name__ == "__main__":
    main()
