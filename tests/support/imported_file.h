// What the import tests share: the sample files of tests/data/import and finding a person in
// what a reader returned.
#pragma once

#include <stdexcept>
#include <string>

#include "baton/imported.h"
#include "baton/team_file.h"
#include "support/run_cli.h"

namespace baton::testing {

/// The text of tests/data/import/`relative`.
inline std::string import_sample(const std::string& relative) {
  return read_text_file(source_path("tests/data/import/" + relative));
}

/// The person of `f` whose full name is `full_name`; throws when the file has none.
inline const ImportedAthlete& person(const ImportedFile& f, const std::string& full_name) {
  for (const ImportedAthlete& a : f.athletes) {
    if (a.full_name() == full_name) return a;
  }
  throw std::runtime_error(full_name + " is not in " + f.file);
}

}  // namespace baton::testing
