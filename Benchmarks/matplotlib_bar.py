#!/usr/bin/env python3
"""Peer of `tipstat chart bar`: pandas reads the CSV, matplotlib draws one bar chart as SVG.

    matplotlib_bar.py FILE X Y OUT.svg
"""
import sys

import matplotlib
matplotlib.use("svg")
import matplotlib.pyplot as plt
import pandas as pd

path, x, y, out = sys.argv[1:5]
df = pd.read_csv(path)
fig, ax = plt.subplots(figsize=(8, 4.5))
ax.bar(df[x].astype(str), df[y])
ax.set_xlabel(x)
ax.set_ylabel(y)
ax.set_title(f"{y} by {x}")
fig.savefig(out, format="svg")
