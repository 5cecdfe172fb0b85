"""Reference values for the TIPStats tests, computed in Python (SciPy 1.17 for distributions).

Run from this directory:  python3 make-reference.py > reference.txt
Each line is "key value". Integers are printed in full, doubles with repr (shortest round-trip).
Python and SciPy are development tools only: the tests read reference.txt.

xoshiro256** and SplitMix64 follow the reference C code of Blackman and Vigna
(https://prng.di.unimi.it/xoshiro256starstar.c, https://prng.di.unimi.it/splitmix64.c).
"""
from decimal import Decimal, getcontext
from fractions import Fraction

from scipy import stats

MASK = (1 << 64) - 1


def splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


class Xoshiro256StarStar:
    def __init__(self, seed):
        self.s = []
        state = seed
        for _ in range(4):
            state, z = splitmix64(state)
            self.s.append(z)

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def uniform(self):
        return ((self.next() >> 11) + 0.5) * 2.0**-53


for seed in (0, 42, 20161215):
    g = Xoshiro256StarStar(seed)
    for i in range(5):
        print(f"xoshiro.{seed}.{i}", g.next())
    g = Xoshiro256StarStar(seed)
    for i in range(3):
        print(f"uniform.{seed}.{i}", repr(g.uniform()))

# Triangular inverse CDF: scipy's triang(c, loc, scale) with c = (mode - low) / (high - low).
for u in (0.01, 0.2, 0.5, 0.9, 0.999):
    print(f"triangular.0.5_1_3.{u}", repr(float(stats.triang.ppf(u, 0.5 / 2.5, loc=0.5, scale=2.5))))

# Least squares in exact rational arithmetic: the quadratic trend of DCF referrals on raw years
# 2008...2015, whose design has condition number ~1e13 (float64 QR, R's lm included, keeps
# only about 9 digits there). Normal equations are fine here because the arithmetic is exact.
def exact_least_squares(columns, y):
    p, n = len(columns), len(y)
    a = [[sum(columns[i][r] * columns[j][r] for r in range(n)) for j in range(p)] for i in range(p)]
    inverse = [[Fraction(int(i == j)) for j in range(p)] for i in range(p)]
    for i in range(p):  # Gauss-Jordan elimination on [A | I]
        pivot = a[i][i]
        a[i] = [v / pivot for v in a[i]]
        inverse[i] = [v / pivot for v in inverse[i]]
        for k in range(p):
            if k != i and a[k][i] != 0:
                f = a[k][i]
                a[k] = [u - f * v for u, v in zip(a[k], a[i])]
                inverse[k] = [u - f * v for u, v in zip(inverse[k], inverse[i])]
    xty = [sum(columns[i][r] * y[r] for r in range(n)) for i in range(p)]
    beta = [sum(inverse[i][j] * xty[j] for j in range(p)) for i in range(p)]
    rss = sum((y[r] - sum(beta[j] * columns[j][r] for j in range(p))) ** 2 for r in range(n))
    variance = rss / (n - p)
    return beta, [variance * inverse[j][j] for j in range(p)], variance


getcontext().prec = 40
year = [Fraction(t) for t in (2008, 2009, 2010, 2011, 2014, 2015)]
referrals = [Fraction(v) for v in (4, 30, 31, 13, 94, 133)]
beta, variances, variance = exact_least_squares([[Fraction(1)] * 6, year, [t * t for t in year]], referrals)
for i, (b, v) in enumerate(zip(beta, variances), start=1):
    print(f"exact_lm.quadratic_raw.estimate.{i}", repr(float(b)))
    root = (Decimal(v.numerator) / Decimal(v.denominator)).sqrt()
    print(f"exact_lm.quadratic_raw.se.{i}", repr(float(root)))
root = (Decimal(variance.numerator) / Decimal(variance.denominator)).sqrt()
print("exact_lm.quadratic_raw.sigma", repr(float(root)))
