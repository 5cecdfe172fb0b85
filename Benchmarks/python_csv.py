#!/usr/bin/env python3
"""Peer: Python's csv module, group by statute and year, count and sum amount."""
import csv
import sys

groups = {}
with open(sys.argv[1], newline="") as f:
    rows = csv.reader(f)
    next(rows)
    for row in rows:
        key = (row[1], row[2])
        g = groups.get(key)
        amount = float(row[5]) if row[5] else 0.0
        if g is None:
            groups[key] = [1, amount]
        else:
            g[0] += 1
            g[1] += amount
print(len(groups), "groups")
