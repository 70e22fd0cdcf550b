#include "store/migrations.h"

namespace baton {
namespace {

// Never edit a migration that has shipped: add a new one.
const Migration kMigrations[] = {
    {1, R"sql(
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE athletes (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
  sex           TEXT NOT NULL CHECK (sex IN ('F', 'M')),
  foot_length_m REAL CHECK (foot_length_m IS NULL OR foot_length_m > 0),
  hand          TEXT CHECK (hand IS NULL OR hand IN ('right', 'left'))
);
CREATE TABLE bests (
  athlete_id INTEGER NOT NULL REFERENCES athletes (id) ON DELETE CASCADE,
  distance_m REAL NOT NULL CHECK (distance_m > 0),
  time_s     REAL NOT NULL CHECK (time_s > 0),
  hand_timed INTEGER NOT NULL CHECK (hand_timed IN (0, 1)),
  PRIMARY KEY (athlete_id, distance_m)
);
CREATE TABLE splits (
  athlete_id INTEGER NOT NULL REFERENCES athletes (id) ON DELETE CASCADE,
  distance_m REAL NOT NULL CHECK (distance_m > 0),
  time_s     REAL NOT NULL CHECK (time_s > 0),
  PRIMARY KEY (athlete_id, distance_m)
);
)sql"},
    // Marks remember when they were last written, so results and practice can tell old from new.
    {2, R"sql(
ALTER TABLE bests ADD COLUMN updated_at TEXT NOT NULL DEFAULT '1970-01-01T00:00:00Z';
ALTER TABLE athletes ADD COLUMN updated_at TEXT NOT NULL DEFAULT '1970-01-01T00:00:00Z';
)sql"},
    // The practice log. Drills belong to their two runners: removing an athlete from the roster
    // removes their drills (ON DELETE CASCADE, like their marks), because a pair's record means
    // nothing once one runner has left. Every limit is checked here as well as in validate_drill.
    {3, R"sql(
CREATE TABLE drills (
  id            INTEGER PRIMARY KEY,
  from_id       INTEGER NOT NULL REFERENCES athletes (id) ON DELETE CASCADE,
  to_id         INTEGER NOT NULL REFERENCES athletes (id) ON DELETE CASCADE,
  date          TEXT NOT NULL
                CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'
                       AND date(date) IS date),
  go_mark_m     REAL NOT NULL CHECK (go_mark_m >= 0 AND go_mark_m <= 60),
  zone_length_m REAL NOT NULL CHECK (zone_length_m > 0 AND zone_length_m <= 50),
  exchange_at_m REAL NOT NULL
                CHECK (exchange_at_m >= -zone_length_m AND exchange_at_m <= 2 * zone_length_m),
  baton_time_s  REAL CHECK (baton_time_s IS NULL OR (baton_time_s > 0 AND baton_time_s <= 20)),
  outcome       TEXT NOT NULL
                CHECK (outcome IN ('clean', 'early', 'late', 'stutter', 'drop', 'out')),
  note          TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  CHECK (from_id <> to_id)
);
CREATE INDEX drills_by_pair ON drills (from_id, to_id, date);
)sql"},
    // The results log. A result outlives the athletes in it: legs keep the runner's name as
    // raced, and the link to the roster becomes NULL when the athlete is removed (ON DELETE
    // SET NULL), so team history is never lost with a graduating runner.
    {4, R"sql(
CREATE TABLE results (
  id          INTEGER PRIMARY KEY,
  event       TEXT NOT NULL CHECK (length(event) > 0),
  date        TEXT NOT NULL
              CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'
                     AND date(date) IS date),
  meet        TEXT NOT NULL DEFAULT '',
  team_time_s REAL CHECK (team_time_s IS NULL OR team_time_s > 0),
  dropped_leg INTEGER CHECK (dropped_leg IS NULL OR dropped_leg BETWEEN 1 AND 8),
  dq          INTEGER NOT NULL CHECK (dq IN (0, 1)),
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  CHECK (team_time_s IS NOT NULL OR dropped_leg IS NOT NULL OR dq = 1)
);
CREATE TABLE result_legs (
  result_id  INTEGER NOT NULL REFERENCES results (id) ON DELETE CASCADE,
  leg        INTEGER NOT NULL CHECK (leg BETWEEN 1 AND 8),
  athlete_id INTEGER REFERENCES athletes (id) ON DELETE SET NULL,
  athlete    TEXT NOT NULL CHECK (length(athlete) > 0),
  split_s    REAL CHECK (split_s IS NULL OR split_s > 0),
  PRIMARY KEY (result_id, leg)
);
CREATE INDEX result_legs_by_athlete ON result_legs (athlete_id);
)sql"},
    // Per-athlete day-form spread for the race simulation (percent of the leg time).
    {5, R"sql(
ALTER TABLE athletes ADD COLUMN form_sd_percent REAL
  CHECK (form_sd_percent IS NULL OR (form_sd_percent >= 0 AND form_sd_percent <= 10));
)sql"},
    // The marks history: every mark read from a file, with its date and where it was run, so
    // that a season's best can be told from a lifetime's. `bests` stays the roster's working
    // mark per distance; this table is what it was chosen from. A mark without a date keeps an
    // empty one (not NULL, so that the same mark imported twice is stored once).
    {6, R"sql(
CREATE TABLE marks (
  id         INTEGER PRIMARY KEY,
  athlete_id INTEGER NOT NULL REFERENCES athletes (id) ON DELETE CASCADE,
  distance_m REAL NOT NULL CHECK (distance_m > 0),
  time_s     REAL NOT NULL CHECK (time_s > 0),
  hand_timed INTEGER NOT NULL CHECK (hand_timed IN (0, 1)),
  date       TEXT NOT NULL DEFAULT ''
             CHECK (date = '' OR (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'
                                  AND date(date) IS date)),
  source     TEXT NOT NULL DEFAULT '',
  UNIQUE (athlete_id, distance_m, time_s, hand_timed, date, source)
);
CREATE INDEX marks_by_athlete ON marks (athlete_id, distance_m, date);
)sql"},
    // Accounts for the web app, their sessions, and the audit log of writes. A password is kept
    // only as a libsodium crypto_pwhash_str string (Argon2id, salt and cost included) and a
    // session only as the hash of its cookie token, so a copy of the file opens no account.
    // An athlete's account belongs to their roster entry and goes with it (ON DELETE CASCADE).
    {7, R"sql(
CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) > 0),
  role          TEXT NOT NULL CHECK (role IN ('coach', 'assistant', 'athlete')),
  athlete_id    INTEGER REFERENCES athletes (id) ON DELETE CASCADE,
  password_hash TEXT NOT NULL CHECK (length(password_hash) > 0),
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  CHECK ((role = 'athlete') = (athlete_id IS NOT NULL))
);
CREATE TABLE sessions (
  token_hash   TEXT PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token   TEXT NOT NULL,
  expires_at_s INTEGER NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE TABLE audit (
  id     INTEGER PRIMARY KEY,
  at     TEXT NOT NULL,
  user   TEXT NOT NULL,
  action TEXT NOT NULL,
  status INTEGER NOT NULL
);
)sql"},
    // Idempotency keys of drills: a drill sent twice under one key (a phone resending what it
    // logged offline) is stored once. Drills logged without a key keep NULL.
    {8, R"sql(
ALTER TABLE drills ADD COLUMN key TEXT CHECK (key IS NULL OR length(key) BETWEEN 1 AND 100);
CREATE UNIQUE INDEX drills_by_key ON drills (key) WHERE key IS NOT NULL;
)sql"},
    // Individual events each athlete is entered in at the coming meet ("100m", "LJ"), in the
    // coach's order; they count against a meet's per-athlete event limit with the relays.
    {9, R"sql(
CREATE TABLE athlete_entries (
  athlete_id INTEGER NOT NULL REFERENCES athletes (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL CHECK (position >= 0),
  event      TEXT NOT NULL COLLATE NOCASE CHECK (length(event) BETWEEN 1 AND 120),
  PRIMARY KEY (athlete_id, position),
  UNIQUE (athlete_id, event)
);
)sql"},
    // Whether each leg split was timed by hand: hand splits are converted and weigh less when
    // they update a runner's marks. Splits logged before this column count as FAT.
    {10, R"sql(
ALTER TABLE result_legs ADD COLUMN split_hand INTEGER NOT NULL DEFAULT 0
  CHECK (split_hand IN (0, 1));
)sql"},
    // Relays that did not finish with the cause not recorded (a dropped baton has its own
    // column): `dnf`, with no team time, no drop and no DQ. SQLite cannot change a table's
    // CHECK, so both results tables are rebuilt. Foreign keys stay on inside this transaction,
    // so the old tables are renamed first (their reference follows the rename), the new ones
    // filled from them, and the old ones dropped child first, which deletes no row of the new.
    {11, R"sql(
ALTER TABLE results RENAME TO results_v10;
ALTER TABLE result_legs RENAME TO result_legs_v10;
DROP INDEX result_legs_by_athlete;
CREATE TABLE results (
  id          INTEGER PRIMARY KEY,
  event       TEXT NOT NULL CHECK (length(event) > 0),
  date        TEXT NOT NULL
              CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'
                     AND date(date) IS date),
  meet        TEXT NOT NULL DEFAULT '',
  team_time_s REAL CHECK (team_time_s IS NULL OR team_time_s > 0),
  dropped_leg INTEGER CHECK (dropped_leg IS NULL OR dropped_leg BETWEEN 1 AND 8),
  dq          INTEGER NOT NULL CHECK (dq IN (0, 1)),
  dnf         INTEGER NOT NULL DEFAULT 0 CHECK (dnf IN (0, 1)),
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  CHECK (team_time_s IS NOT NULL OR dropped_leg IS NOT NULL OR dq = 1 OR dnf = 1),
  CHECK (dnf = 0 OR (team_time_s IS NULL AND dropped_leg IS NULL AND dq = 0))
);
CREATE TABLE result_legs (
  result_id  INTEGER NOT NULL REFERENCES results (id) ON DELETE CASCADE,
  leg        INTEGER NOT NULL CHECK (leg BETWEEN 1 AND 8),
  athlete_id INTEGER REFERENCES athletes (id) ON DELETE SET NULL,
  athlete    TEXT NOT NULL CHECK (length(athlete) > 0),
  split_s    REAL CHECK (split_s IS NULL OR split_s > 0),
  split_hand INTEGER NOT NULL DEFAULT 0 CHECK (split_hand IN (0, 1)),
  PRIMARY KEY (result_id, leg)
);
CREATE INDEX result_legs_by_athlete ON result_legs (athlete_id);
INSERT INTO results (id, event, date, meet, team_time_s, dropped_leg, dq, created_at)
  SELECT id, event, date, meet, team_time_s, dropped_leg, dq, created_at FROM results_v10;
INSERT INTO result_legs (result_id, leg, athlete_id, athlete, split_s, split_hand)
  SELECT result_id, leg, athlete_id, athlete, split_s, split_hand FROM result_legs_v10;
DROP TABLE result_legs_v10;
DROP TABLE results_v10;
)sql"},
};

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

}  // namespace baton
