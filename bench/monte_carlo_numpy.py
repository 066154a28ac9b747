#!/usr/bin/python3
"""The same Monte Carlo as bench/monte_carlo_bench.cpp, vectorised in numpy.

Reads the model the C++ benchmark wrote (mc_model.csv): 200 outcomes, ranges on quantity
(uniform), deadweight (triangular around the point value), attribution and drop-off
(uniform), discounted at 3.5 % with year 1 discounted. Prints one line of results.
"""
import csv
import sys
import time

import numpy as np

model_csv = sys.argv[1] if len(sys.argv) > 1 else "mc_model.csv"
draws = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 3
rows = list(csv.DictReader(open(model_csv)))
col = lambda k: np.array([float(r[k]) for r in rows])
proxy, ds = col("proxy"), col("displacement")
dw_mode = col("deadweight")
duration, start = col("duration").astype(int), col("start_year").astype(int)
q_lo, q_hi, dw_lo, dw_hi = col("q_low"), col("q_high"), col("dw_low"), col("dw_high")
at_lo, at_hi, do_lo, do_hi = col("at_low"), col("at_high"), col("do_low"), col("do_high")
inputs = 150_000_000.0
df = 1.035 ** -np.arange(0, 12, dtype=float)


def run(seed):
    rng = np.random.default_rng(seed)
    n = len(rows)
    q = rng.uniform(q_lo, q_hi, size=(draws, n))
    dw = rng.triangular(dw_lo, dw_mode, dw_hi, size=(draws, n))
    at = rng.uniform(at_lo, at_hi, size=(draws, n))
    keep = 1.0 - rng.uniform(do_lo, do_hi, size=(draws, n))
    value = q * proxy * (1 - dw) * (1 - ds) * (1 - at)
    pv = np.zeros_like(value)
    for j in range(10):
        active = j < duration
        pv += np.where(active, value * df[np.minimum(start + j, 11)], 0.0)
        value *= keep
    total = pv.sum(axis=1)
    ratio = total / inputs
    return np.percentile(ratio, [5, 50, 95])


best = 1e30
for r in range(repeats):
    t = time.perf_counter()
    p = run(1)
    best = min(best, time.perf_counter() - t)
print(f"numpy {np.__version__}: {draws} draws x 200 outcomes x 10 years, best of {repeats}: {best:.3f} s, "
      f"{draws / best:.0f} draws/s, ratio P5/P50/P95 {p[0]:.4f}/{p[1]:.4f}/{p[2]:.4f}")
