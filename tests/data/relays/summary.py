#!/usr/bin/env python3
"""Per level and event: how far each relay ran under the sum of its members' open bests.

Reads relays.csv next to this file and prints, for every (level, event) pair,
the number of relays and the mean and sample standard deviation of
(best1_s + best2_s + best3_s + best4_s) - time_s, in seconds.
A positive value means the relay was faster than the sum of the open bests. Rows whose marks are
each runner's best to date (best_kind TO-DATE) are counted apart, as "<level> (to date)".
Rows whose members' marks are not all at the legs' distance (best_event "mixed", or a 4x400
whose runners all have 200 m marks) have no such sum and are left out.
Standard library only: python3 summary.py
"""
import csv
import os
import statistics

LEVELS = ["elite", "college", "hs", "youth"]
EVENTS = ["4x100", "4x200", "4x400", "4x800"]


def main():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "relays.csv")
    gains = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            if row["best_event"] != row["event"][2:] + "m":
                continue
            total = sum(float(row["best%d_s" % i]) for i in range(1, 5))
            gain = total - float(row["time_s"])
            level = row["level"] + (" (to date)" if row["best_kind"] == "TO-DATE" else "")
            gains.setdefault((level, row["event"]), []).append(gain)
    print("| level | event | n | mean (s) | sd (s) | min (s) | max (s) |")
    print("|---|---|---|---|---|---|---|")
    for level in LEVELS + [l + " (to date)" for l in LEVELS]:
        if not any(key[0] == level for key in gains) and "(to date)" in level:
            continue
        for event in EVENTS:
            g = gains.get((level, event), [])
            if not g:
                print("| %s | %s | 0 | - | - | - | - |" % (level, event))
                continue
            sd = "%.2f" % statistics.stdev(g) if len(g) > 1 else "-"
            print("| %s | %s | %d | %.2f | %s | %.2f | %.2f |"
                  % (level, event, len(g), statistics.mean(g), sd, min(g), max(g)))


if __name__ == "__main__":
    main()
