#!/usr/bin/env python3
"""`make bench`: throughput and peak memory of `tipstat aggregate` against its peers.

Generates (once) a deterministic ~200 MB case-level file in bench-data/, then runs each
program 5 times and prints the median wall time, the throughput in MB/s and the median peak
resident set size (from wait4's rusage, per child process). Peers that are not installed
(pandas, polars, matplotlib) or commands that do not exist yet (`tipstat chart`, `tipstat
report`) are skipped with a note. Figures depend on the machine and on what else runs on it.
"""
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "bench-data")
CASES = os.path.join(DATA, "cases.csv")
TIPSTAT = os.path.join(ROOT, ".build", "release", "tipstat")
C_PROGRAM = os.path.join(DATA, "libcsv_aggregate")
RUNS = int(os.environ.get("BENCH_RUNS", "5"))


def measure(argv, cwd=ROOT):
    """Medians of RUNS runs: wall seconds, CPU seconds (user + system) and peak RSS in MB, as
    GNU time reports them (its own small process forks the program, so the peak is the
    program's, not a copy of Python's); None when a run fails."""
    walls, cpus, peaks = [], [], []
    report = os.path.join(DATA, "time.txt")
    for _ in range(RUNS):
        proc = subprocess.run(["/usr/bin/time", "-o", report, "-f", "%e %U %S %M"] + argv, cwd=cwd,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if proc.returncode != 0:
            print(f"  failed: {' '.join(argv)}\n{proc.stderr.decode(errors='replace')}", file=sys.stderr)
            return None
        with open(report) as f:
            wall, user, system, peak = f.read().split()[-4:]
        walls.append(float(wall))
        cpus.append(float(user) + float(system))
        peaks.append(int(peak) / 1024)
    return statistics.median(walls), statistics.median(cpus), statistics.median(peaks)


def importable(module):
    return subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True).returncode == 0


def tipstat_has(command):
    """Whether the build has the subcommand: `tipstat --help` lists it (an unknown subcommand's
    `--help` prints the root help and succeeds, so that is no test)."""
    listing = subprocess.run([TIPSTAT, "--help"], capture_output=True, text=True).stdout
    return any(line.split()[:1] == [command] for line in listing.splitlines() if line.startswith("  "))


def main():
    os.makedirs(DATA, exist_ok=True)
    if not os.path.exists(CASES):
        print("generating", CASES)
        subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "generate.py"), CASES, "200"], check=True)
    size_mb = os.path.getsize(CASES) / 1e6
    with open(CASES, "rb") as f:
        rows = sum(1 for _ in f) - 1
    print(f"input: {CASES}, {size_mb:.1f} MB, {rows:,} rows; {os.cpu_count()} cores; medians of {RUNS} runs")
    print("load average before: %.2f %.2f %.2f (other work on the machine slows every figure)\n" % os.getloadavg())

    aggregate = [TIPSTAT, "aggregate", CASES, "--by", "statute,year", "--count", "--sum", "amount", "--quiet"]
    # The C program first: every later row is compared with it.
    cases = [
        ("C libcsv + hash table (gcc -O2)", [C_PROGRAM, CASES]),
        ("C libcsv, empty callbacks", [C_PROGRAM, "--parse-only", CASES]),
        ("tipstat aggregate --threads 1", aggregate + ["--threads", "1"]),
        ("tipstat aggregate --threads 2", aggregate + ["--threads", "2"]),
        ("Python csv module", [sys.executable, os.path.join(ROOT, "Benchmarks", "python_csv.py"), CASES]),
    ]
    frames = os.path.join(ROOT, "Benchmarks", "dataframe_aggregate.py")
    if importable("pandas"):
        cases.append(("pandas read_csv + groupby", [sys.executable, frames, "pandas", CASES]))
    else:
        print("note: pandas is not installed; skipped")
    if importable("polars"):
        cases.append(("polars read_csv + group_by", [sys.executable, frames, "polars", CASES]))
        cases.append(("polars scan_csv, streaming engine", [sys.executable, frames, "polars-streaming", CASES]))
    else:
        print("note: polars is not installed; skipped")

    results = {}
    print(f"{'program':<36} {'seconds':>8} {'CPU s':>6} {'MB/s':>8} {'peak RSS MB':>12} {'× C':>6}")
    for name, argv in cases:
        r = measure(argv)
        results[name] = r
        if r is None:
            print(f"{name:<36} {'failed':>8}")
            continue
        seconds, cpu, peak = r
        c = results.get("C libcsv + hash table (gcc -O2)")
        ratio = f"{(c[0] / seconds):6.2f}" if c else ""
        print(f"{name:<36} {seconds:8.2f} {cpu:6.2f} {size_mb / seconds:8.1f} {peak:12.1f} {ratio}", flush=True)
    print("seconds: wall time; CPU s: user + system; MB/s: input size / wall time;")
    print("× C: throughput relative to the C program (its wall time divided by the program's)")
    print("load average after: %.2f %.2f %.2f" % os.getloadavg())

    print()
    datasets = os.path.join(ROOT, "Datasets")
    if tipstat_has("report"):
        out = os.path.join(DATA, "report")
        r = measure([TIPSTAT, "report", "--datasets", datasets, "--out", out])
        if r:
            print(f"tipstat report on Datasets/: {r[0]:.3f} s, peak RSS {r[2]:.1f} MB")
    else:
        print("note: `tipstat report` is not available in this build; skipped")
    if tipstat_has("chart"):
        chart_input = os.path.join(datasets, "dcf-referrals.csv")
        r = measure([TIPSTAT, "chart", "bar", chart_input, "--x", "period", "--y", "referrals",
                     "-o", os.path.join(DATA, "bar-tipstat.svg")])
        peer = None
        if importable("matplotlib") and importable("pandas"):
            peer = measure([sys.executable, os.path.join(ROOT, "Benchmarks", "matplotlib_bar.py"), chart_input,
                            "period", "referrals", os.path.join(DATA, "bar-matplotlib.svg")])
        if r:
            print(f"tipstat chart bar (CSV to SVG): {r[0]:.3f} s, peak RSS {r[2]:.1f} MB")
        if peer:
            print(f"pandas + matplotlib bar chart SVG: {peer[0]:.3f} s, peak RSS {peer[2]:.1f} MB")
            if r:
                print(f"tipstat takes 1/{peer[0] / r[0]:.0f} of the pandas + matplotlib time")
    else:
        print("note: `tipstat chart` is not available in this build; skipped")
        if importable("matplotlib") and importable("pandas"):
            chart_input = os.path.join(datasets, "dcf-referrals.csv")
            peer = measure([sys.executable, os.path.join(ROOT, "Benchmarks", "matplotlib_bar.py"), chart_input,
                            "period", "referrals", os.path.join(DATA, "bar-matplotlib.svg")])
            if peer:
                print(f"pandas + matplotlib bar chart SVG (for reference): {peer[0]:.3f} s, peak RSS {peer[2]:.1f} MB")


if __name__ == "__main__":
    main()
