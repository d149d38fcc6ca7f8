"""Independent oracle for the spectral window (framework §1-4), straight from the definitions with numpy.

argv: updates.bin (float64, T x P row-major), T, P, W, eps, tau
Prints, per window, lines "key v1 v2 ..." then "--", of >= 2 updates, built from the SVD of the stacked window X (w x P)."""
import sys

import numpy as np

path, T, P, W, eps, tau = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6])
D = np.fromfile(path, dtype="<f8").reshape(T, P)


def svd(X):
    U, s, Vt = np.linalg.svd(X, full_matrices=False)
    return s, Vt


def overlaps(Va, sa, Vb, sb):
    n = min(len(sa), len(sb))
    return [float(abs(Va[j] @ Vb[j])) if sa[j] * sb[j] > 0 else 0.0 for j in range(n)]


prev = None
for t in range(T):
    w = min(W, t + 1)
    X = D[t - w + 1:t + 1]
    s, Vt = svd(X)
    lam = s ** 2
    if prev is not None:
        Xp, sp, Vp, lamp = prev
    prev = (X, s, Vt, lam)
    if w < 2:
        continue
    below = np.maximum(s[1:], eps * s[0])
    r = s[:-1] / below
    kplain = int(np.argmax(r)) + 1
    kweighted = int(np.argmax(s[:-1] / s.sum() * r)) + 1
    ok = np.where(s[1:] >= tau * s[0])[0]
    kfloored = int(ok[np.argmax(r[ok])]) + 1 if len(ok) else 1
    # the window change as an explicit P x P computation when P is small, else from the vectors themselves
    if P <= 400:
        dM = X.T @ X - Xp.T @ Xp
        dexact = float(np.linalg.norm(dM, "fro"))
    else:
        new = D[t]
        old = D[t - W] if t - W >= 0 else np.zeros(P)
        dexact = float(np.sqrt(max(0.0, (new @ new) ** 2 + (old @ old) ** 2 - 2 * (new @ old) ** 2)))
    n = max(len(lam), len(lamp))
    a = np.zeros(n); a[:len(lam)] = lam
    b = np.zeros(n); b[:len(lamp)] = lamp
    deigen = float(np.sqrt(((a - b) ** 2).sum()))
    gaps = [min(abs(lam[j] - lam[l]) for l in range(w) if l != j) for j in range(w)]
    alpha = [1.0 if dexact == 0 else (0.0 if g == 0 else max(0.0, 1 - dexact ** 2 / g ** 2)) for g in gaps]
    h = w // 2
    s1, V1 = svd(X[:h])
    s2, V2 = svd(X[h:])
    half = overlaps(V1, s1, V2, s2)[:h]
    cons = overlaps(Vp, sp, Vt, s)
    tail = lam[w // 2:]
    nu2 = tail.mean() / P
    dcrit = np.sqrt(nu2) * (P * (w - 1)) ** 0.25
    csum = np.cumsum(lam)
    record = {
        "step": [t], "size": [w], "sigma": s.tolist(), "ratios": r.tolist(),
        "kplain": [kplain], "kweighted": [kweighted], "kfloored": [kfloored],
        "g23": [float(lam[1] - lam[2])] if w >= 3 else [],
        "dexact": [dexact], "deigen": [deigen], "alpha": alpha, "overlap": cons, "half": half,
        "pc1": [float(lam[0] / lam.sum())], "k95": [int(np.argmax(csum >= 0.95 * csum[-1])) + 1],
        "drift": [float(np.linalg.norm(X.mean(axis=0)))], "bbp": [float(s[-1] / dcrit)],
    }
    for key, values in record.items():
        print(key, *[repr(float(v)) for v in values])
    print("--")
