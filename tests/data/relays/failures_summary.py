#!/usr/bin/env python3
"""Relay failure counts per level and event.

Reads failures.csv next to this file. Each row is one race (a heat or a final)
with the number of teams that started and how many of them were disqualified
(dq) or did not finish (dnf). For every (level, event) pair it prints the number
of races, teams started, DQ, DNF, failures (DQ + DNF), the failure rate per
team-race (failures / teams started) with an exact (Clopper-Pearson) binomial
95 % interval, and the number of races in which at least one team failed.

The interval treats every team-race as an independent trial; teams in the same
race share conditions, so it is narrower than the data justify.

A second table repeats the totals without the rows whose notes say they were
"found via a search that contained failure words" (see README, failures.csv).

Standard library only: python3 failures_summary.py
"""
import csv
import math
import os

LEVELS = ["hs", "college", "univ", "youth", "u20", "elite"]
EVENTS = ["4x100", "4x200"]
FLAG = "found via a search that contained failure words"


def binom_cdf(k, n, p):
    """P(X <= k) for X ~ Binomial(n, p)."""
    if k < 0:
        return 0.0
    if k >= n:
        return 1.0
    return sum(math.comb(n, i) * p ** i * (1 - p) ** (n - i) for i in range(k + 1))


def solve(f, target, lo=0.0, hi=1.0):
    """Root of the decreasing function f(p) = target on [lo, hi], by bisection."""
    for _ in range(200):
        mid = (lo + hi) / 2
        if f(mid) > target:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def clopper_pearson(x, n, alpha=0.05):
    """Exact two-sided (1 - alpha) interval for a binomial proportion x / n."""
    # lower: P(X >= x) = alpha/2, i.e. P(X <= x-1) = 1 - alpha/2
    lower = 0.0 if x == 0 else solve(lambda p: binom_cdf(x - 1, n, p), 1 - alpha / 2)
    # upper: P(X <= x) = alpha/2
    upper = 1.0 if x == n else solve(lambda p: binom_cdf(x, n, p), alpha / 2)
    return lower, upper


def totals(rows):
    out = {}
    for r in rows:
        key = (r["level"], r["event"])
        t = out.setdefault(key, {"races": 0, "started": 0, "dq": 0, "dnf": 0, "hit": 0})
        dq, dnf = int(r["dq"]), int(r["dnf"])
        t["races"] += 1
        t["started"] += int(r["teams_started"])
        t["dq"] += dq
        t["dnf"] += dnf
        t["hit"] += 1 if dq + dnf > 0 else 0
    return out


def table(rows, title):
    print(title)
    print()
    print("| level | event | races | teams started | DQ | DNF | failures | rate per team-race "
          "| 95 % interval | races with a failure |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    tot = totals(rows)
    for level in LEVELS:
        for event in EVENTS:
            t = tot.get((level, event))
            if not t:
                print("| %s | %s | 0 | 0 | - | - | - | - | - | - |" % (level, event))
                continue
            fails = t["dq"] + t["dnf"]
            lo, hi = clopper_pearson(fails, t["started"])
            print("| %s | %s | %d | %d | %d | %d | %d | %.1f %% | %.1f-%.1f %% | %d of %d |"
                  % (level, event, t["races"], t["started"], t["dq"], t["dnf"], fails,
                     100.0 * fails / t["started"], 100.0 * lo, 100.0 * hi, t["hit"], t["races"]))
    print()


def main():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "failures.csv")
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    table(rows, "All rows (%d races)" % len(rows))
    kept = [r for r in rows if FLAG not in r.get("notes", "")]
    table(kept, "Without the rows found via a search that contained failure words (%d races)"
          % len(kept))


if __name__ == "__main__":
    main()
