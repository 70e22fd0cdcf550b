#!/usr/bin/env python3
"""How much slower an ordinary meet's 100 m is than the athlete's best, from day_vs_best.csv.

Each row is one 100 m of one athlete (Maine high school, 2025 outdoor regular season, athletes
with marks in at least three meets), with that athlete's best over all their marks in the file
(season_best_s) and over their marks up to and including that meet (best_to_date_s). Prints,
per sex and for everyone, the mean and median of (time - best) / best against both.
Standard library only: python3 day_vs_best_summary.py
"""
import csv
import os
import statistics


def main():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "day_vs_best.csv")
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    print("| athletes | marks | vs season best: mean | median | vs best to date: mean | median |")
    print("|---|---|---|---|---|---|")
    for label, sexes in (("boys", {"M"}), ("girls", {"F"}), ("all", {"M", "F"})):
        picked = [r for r in rows if r["sex"] in sexes]
        athletes = {(r["sex"], r["athlete_initials"], r["team"]) for r in picked}
        season = [float(r["time_s"]) / float(r["season_best_s"]) - 1.0 for r in picked]
        to_date = [float(r["time_s"]) / float(r["best_to_date_s"]) - 1.0 for r in picked]
        print("| %s: %d | %d | %.2f %% | %.2f %% | %.2f %% | %.2f %% |"
              % (label, len(athletes), len(picked), 100 * statistics.mean(season),
                 100 * statistics.median(season), 100 * statistics.mean(to_date),
                 100 * statistics.median(to_date)))


if __name__ == "__main__":
    main()
