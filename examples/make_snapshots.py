"""Writes examples/snapshots.npz: 61 float32 snapshots of a synthetic 3,000-parameter "training run".

Three phases of 20 updates each, so the spectral table shows the gap moving:
  1. one strong drift direction a plus small noise          -> k* = 1, large gap ratio
  2. a second, independent direction b joins                -> k* = 2 (weighted rule)
  3. the drift stops; only noise remains                    -> the gap collapses to the noise floor
Run with Debian's python3 and numpy: /usr/bin/python3 examples/make_snapshots.py
"""
import numpy as np

rng = np.random.default_rng(2026)
P = 3000
a = rng.standard_normal(P)
b = rng.standard_normal(P)
theta = 0.05 * rng.standard_normal(P)
snapshots = [theta.copy()]
for t in range(60):
    if t < 20:
        delta = 0.010 * a * (1 + 0.3 * rng.standard_normal())
    elif t < 40:
        delta = 0.010 * a * rng.standard_normal() + 0.006 * b * rng.standard_normal()
    else:
        delta = np.zeros(P)
    theta = theta + delta + 0.0005 * rng.standard_normal(P)
    snapshots.append(theta.copy())
np.savez_compressed("snapshots.npz", *[s.astype(np.float32) for s in snapshots])
