#!/usr/bin/env python3
"""Peers: pandas and polars, group by statute and year, count and sum amount.

    dataframe_aggregate.py pandas|polars|polars-streaming FILE
"""
import sys

engine, path = sys.argv[1], sys.argv[2]
if engine == "pandas":
    import pandas as pd
    df = pd.read_csv(path, dtype={"statute": "string", "year": "int64", "amount": "float64"})
    result = df.groupby(["statute", "year"]).agg(count=("amount", "size"), sum_amount=("amount", "sum"))
elif engine == "polars":
    import polars as pl
    df = pl.read_csv(path)
    result = df.group_by(["statute", "year"]).agg(pl.len().alias("count"), pl.col("amount").sum().alias("sum_amount"))
else:
    import polars as pl
    result = (pl.scan_csv(path).group_by(["statute", "year"])
              .agg(pl.len().alias("count"), pl.col("amount").sum().alias("sum_amount"))
              .collect(engine="streaming"))
print(len(result), "groups")
