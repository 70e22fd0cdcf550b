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
};

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

}  // namespace baton
