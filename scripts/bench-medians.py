#!/usr/bin/env python3
"""Prints the median of every Criterion benchmark of the last `cargo bench`
run, one per line, as a Markdown table (used for docs/performance.md).

    python3 scripts/bench-medians.py [target/criterion]
"""
import json
import pathlib
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "target/criterion")


def fmt(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.3g} ns"


rows = []
for bench in sorted(root.glob("**/new/benchmark.json")):
    meta = json.loads(bench.read_text())
    est = json.loads((bench.parent / "estimates.json").read_text())
    median = est["median"]
    ci = median["confidence_interval"]
    rows.append((meta["full_id"], median["point_estimate"], ci["lower_bound"], ci["upper_bound"]))

print("| benchmark | median | 95% CI of the median |")
print("| --- | ---: | --- |")
for full_id, m, lo, hi in rows:
    print(f"| `{full_id}` | {fmt(m)} | {fmt(lo)} – {fmt(hi)} |")
