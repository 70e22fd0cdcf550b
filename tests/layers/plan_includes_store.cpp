// Compiled as part of the plan module, which may use core and physics but not the store: the
// second include must not be found. tests/CMakeLists.txt builds this and expects exactly that
// error (the first include, plan's own header, shows the module's include path is in place).
#include "baton/lineup.h"
#include "baton/store.h"

namespace baton {
int plan_reads_the_database(Database& db) { return db.schema_version(); }
}  // namespace baton
