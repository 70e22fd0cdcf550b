#!/usr/bin/env python3
"""How close any straight-line rule on the members' bests comes to relays.csv's relay times.

For a group of relays (all 4x100, every member's mark a 100 m) it fits by least squares

    time = a + b * male + c * (sum of the four bests)        ("sum")
    time = a + b * male + c1 * best1 + ... + c4 * best4     ("legs")

on the group itself and prints the mean absolute error of that fit, in-sample and left-one-out
(each relay predicted by the rule fitted on the others), as a percentage of the relay time.
The in-sample figure is a floor no rule of that shape can beat on these relays, the
left-one-out figure what such a rule would do on a relay it has not seen. It also prints, per
sex, the Theil-Sen slope of the relay time on the sum of the bests (the median of the pairwise
slopes): how many seconds the relay moves per second of the members' bests.
Standard library only: python3 ceiling.py
"""
import csv
import os
import statistics


def solve(a, y):
    """Least squares by the normal equations and Gauss-Jordan elimination."""
    n = len(a[0])
    m = [[sum(row[i] * row[j] for row in a) for j in range(n)]
         + [sum(row[i] * t for row, t in zip(a, y))] for i in range(n)]
    for i in range(n):
        p = max(range(i, n), key=lambda r: abs(m[r][i]))
        m[i], m[p] = m[p], m[i]
        for r in range(n):
            if r != i:
                f = m[r][i] / m[i][i]
                m[r] = [x - f * z for x, z in zip(m[r], m[i])]
    return [m[i][n] / m[i][i] for i in range(n)]


def bests(row):
    return [float(row["best%d_s" % k]) for k in range(1, 5)]


def features(row, shape):
    male = 1.0 if row["sex"] == "M" else 0.0
    if shape == "sum":
        return [1.0, male, sum(bests(row))]
    return [1.0, male] + bests(row)


def mean_abs_error(rows, shape):
    """In-sample and left-one-out mean absolute error, percent of the relay time."""
    a = [features(r, shape) for r in rows]
    y = [float(r["time_s"]) for r in rows]

    def error(coef, x, t):
        return abs(sum(c * v for c, v in zip(coef, x)) - t) / t

    coef = solve(a, y)
    inside = statistics.mean(error(coef, x, t) for x, t in zip(a, y))
    left_out = statistics.mean(
        error(solve(a[:i] + a[i + 1:], y[:i] + y[i + 1:]), a[i], y[i]) for i in range(len(a)))
    return 100 * inside, 100 * left_out


def theil_sen(rows):
    x = [sum(bests(r)) for r in rows]
    y = [float(r["time_s"]) for r in rows]
    slopes = [(y[j] - y[i]) / (x[j] - x[i]) for i in range(len(x)) for j in range(i + 1, len(x))
              if x[j] != x[i]]
    return statistics.median(slopes)


GROUPS = (
    ("elite, held out", lambda r: r["level"] == "elite" and r["held_out"] == "yes"),
    ("elite, all", lambda r: r["level"] == "elite"),
    ("high school, Maine, marks of the day", lambda r: r["id"].startswith("maine-hs-")
     and r["best_kind"] == "DAY"),
    ("youth, marks of the day", lambda r: r["level"] == "youth" and r["best_kind"] != "TO-DATE"),
    ("youth, best to date", lambda r: r["level"] == "youth" and r["best_kind"] == "TO-DATE"),
    ("high school, best to date", lambda r: r["id"].startswith("maine-hs-todate-")),
)


def main():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "relays.csv")
    with open(path, newline="") as f:
        rows = [r for r in csv.DictReader(f)
                if r["event"] == "4x100" and r["best_event"] == "100m"]
    print("| 4x100 relays, all marks 100 m | relays | sum: in-sample | left-one-out "
          "| legs: in-sample | left-one-out | slope, men | slope, women |")
    print("|---|---|---|---|---|---|---|---|")
    for label, keep in GROUPS:
        group = [r for r in rows if keep(r)]
        s_in, s_out = mean_abs_error(group, "sum")
        l_in, l_out = mean_abs_error(group, "legs")
        men = theil_sen([r for r in group if r["sex"] == "M"])
        women = theil_sen([r for r in group if r["sex"] == "F"])
        print("| %s | %d | %.2f %% | %.2f %% | %.2f %% | %.2f %% | %.2f | %.2f |"
              % (label, len(group), s_in, s_out, l_in, l_out, men, women))


if __name__ == "__main__":
    main()
