#!/usr/bin/env python3
"""Peak memory of `tipstat validate` on generated inputs: `make bench-memory` prints it.

Each run's maximum resident set size comes from wait4() on that child alone, so the figures do
not mix runs. Hostile inputs (an endless stream, a 16 MB field, a million columns) must stay
near the base figure whatever their size, because the reader's limits stop them; an ordinary
file is held whole as a typed table, so its figure grows with its size, and --max-file-bytes
bounds it. Inputs are written to bench-data/ (git-ignored)."""
import os, random, subprocess, sys, time

TIPSTAT = sys.argv[1] if len(sys.argv) > 1 else ".build/release/tipstat"
DATA = "bench-data"
os.makedirs(DATA, exist_ok=True)


def judicial(path, size):
    """Judicial rows with a source column, about `size` bytes."""
    if os.path.exists(path) and os.path.getsize(path) >= size:
        return path
    r = random.Random(2016)
    with open(path, "w") as f:
        f.write("statute,period,arrests,convictions,source\n")
        while f.tell() < size:
            f.write(f"53a-192a,{2000 + r.randrange(20)},{r.randrange(60)},{r.randrange(30)},Judicial Branch report {r.randrange(100)}\n")
    return path


def all_bad(path, size):
    """Every count is text: one problem per cell."""
    if os.path.exists(path) and os.path.getsize(path) >= size:
        return path
    with open(path, "w") as f:
        f.write("statute,period,arrests,convictions\n")
        while f.tell() < size:
            f.write("53a-192a,2015,x,y\n")
    return path


def one_field(path, size):
    with open(path, "wb") as f:
        f.write(b'name\n"' + b"y" * size + b'"\n')
    return path


def wide(path, columns):
    with open(path, "w") as f:
        f.write(",".join(["1"] * columns) + "\n")
    return path


def run(arguments):
    start = time.monotonic()
    child = subprocess.Popen([TIPSTAT] + arguments, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    return usage.ru_maxrss / 1024, time.monotonic() - start, os.waitstatus_to_exitcode(status)


cases = [
    ("base: Datasets/hotline.csv", ["Datasets/hotline.csv"], None),
    ("endless input (/dev/zero)", ["/dev/zero"], None),
    ("16 MB single field", [one_field(f"{DATA}/field-16mb.csv", 16 << 20)], None),
    ("a million columns", [wide(f"{DATA}/wide-1m.csv", 1_000_000)], None),
    ("judicial rows, 10 MB", ["--schema", "judicial", judicial(f"{DATA}/judicial-10mb.csv", 10_000_000)], 10_000_000),
    ("judicial rows, 50 MB", ["--schema", "judicial", judicial(f"{DATA}/judicial-50mb.csv", 50_000_000)], 50_000_000),
    ("every count bad, 10 MB", ["--schema", "judicial", all_bad(f"{DATA}/all-bad-10mb.csv", 10_000_000)], 10_000_000),
]
print(f"{'case':32} {'exit':>4} {'max RSS MB':>10} {'RSS/input':>9} {'seconds':>7}")
for name, arguments, size in cases:
    rss, seconds, code = run(["validate", "-q"] + arguments)
    ratio = f"{rss * 1024 * 1024 / size:.1f}" if size else "-"
    print(f"{name:32} {code:>4} {rss:>10.1f} {ratio:>9} {seconds:>7.2f}")
