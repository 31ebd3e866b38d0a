"""An independent nuclear-norm completion solver for NuclearNormCrossCheckTest (numpy, not the engine's algorithm).

Accelerated proximal gradient with continuation (Toh & Yun 2010) on min mu*||X||_* + 1/2 ||P_Omega(X) - b||^2,
mu decreased geometrically to MU_FINAL * ||b||; as mu -> 0 its minimizer tends to the minimizer of ||X||_* subject to
P_Omega(X) = b. The gradient of the smooth part is P_Omega(X) - b, Lipschitz constant 1.

    python3 apg_completion.py ROWS COLS OBSERVATIONS.csv OUT.csv
"""
import sys

import numpy as np

MU_FINAL = 1e-9
ITERATIONS_PER_STAGE = 1000


def main(rows, cols, observations, out):
    data = np.loadtxt(observations, delimiter=",", skiprows=1, ndmin=2)
    r, c, b = data[:, 0].astype(int) - 1, data[:, 1].astype(int) - 1, data[:, 2]
    x = np.zeros((rows, cols))
    x[r, c] = b
    mu = 0.5 * np.linalg.norm(x, 2)
    mu_final = MU_FINAL * np.linalg.norm(b)
    previous = x.copy()
    t = 1.0
    while True:
        for _ in range(ITERATIONS_PER_STAGE):
            t_next = (1 + np.sqrt(1 + 4 * t * t)) / 2
            y = x + ((t - 1) / t_next) * (x - previous)
            gradient = np.zeros((rows, cols))
            gradient[r, c] = y[r, c] - b
            u, s, vt = np.linalg.svd(y - gradient, full_matrices=False)
            previous, x, t = x, (u * np.maximum(s - mu, 0)) @ vt, t_next
        if mu <= mu_final:
            break
        mu = max(mu / 4, mu_final)
        t = 1.0
        previous = x.copy()
    np.savetxt(out, x, delimiter=",", fmt="%.17g")


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4])
