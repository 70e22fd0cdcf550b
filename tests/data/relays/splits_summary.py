#!/usr/bin/env python3
"""4x400 m and 4x800 m leg splits against the runners' open bests.

Reads splits_4x400.csv and splits_4x800.csv next to this file and prints, for
each file, for leg 1 (block start in the 4x400, standing start in the 4x800)
and for the flying legs 2-4 separately, by sex, the number of legs and the
mean and sample standard deviation of
  split_s - best_before_s   (lifetime best before the race) and
  split_s - best_365_s      (best in the 365 days before the race),
in seconds; the bests are open 400 m bests for the 4x400 file and open 800 m
bests for the 4x800 file. Negative means the leg was faster than the open best.
Legs without the best in question are left out of that column's figures.
The 4x400 table comes first, as before; the 4x800 table follows under its own
heading line.
Standard library only: python3 splits_summary.py
"""
import csv
import os
import statistics

HERE = os.path.dirname(os.path.abspath(__file__))


def fmt(values):
    if not values:
        return "0 | - | -"
    sd = "%.2f" % statistics.stdev(values) if len(values) > 1 else "-"
    return "%d | %.2f | %s" % (len(values), statistics.mean(values), sd)


def print_table(filename):
    diffs = {}
    with open(os.path.join(HERE, filename), newline="") as f:
        for row in csv.DictReader(f):
            kind = "leg 1" if row["leg"] == "1" else "legs 2-4"
            key = (kind, row["sex"])
            entry = diffs.setdefault(key, {"rows": 0, "before": [], "365": []})
            entry["rows"] += 1
            split = float(row["split_s"])
            if row["best_before_s"]:
                entry["before"].append(split - float(row["best_before_s"]))
            if row["best_365_s"]:
                entry["365"].append(split - float(row["best_365_s"]))
    print("| legs | sex | rows | n (best before) | mean (s) | sd (s) "
          "| n (best 365 d) | mean (s) | sd (s) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for kind in ("leg 1", "legs 2-4"):
        for sex in ("M", "F"):
            entry = diffs.get((kind, sex), {"rows": 0, "before": [], "365": []})
            print("| %s | %s | %d | %s | %s |"
                  % (kind, sex, entry["rows"], fmt(entry["before"]), fmt(entry["365"])))


def main():
    print_table("splits_4x400.csv")
    print()
    print("4x800 m legs against open 800 m bests (splits_4x800.csv):")
    print()
    print_table("splits_4x800.csv")


if __name__ == "__main__":
    main()
