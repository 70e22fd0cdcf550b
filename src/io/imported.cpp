#include "baton/imported.h"

namespace baton {

std::string ImportedAthlete::full_name() const {
  if (first.empty()) return last;
  if (last.empty()) return first;
  return first + " " + last;
}

}  // namespace baton
