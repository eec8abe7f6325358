// The version 3 store's schema and helpers shared by store.cc and
// schema_v3.cc (docs/STORE.md).
#ifndef DYAD_STORE_SCHEMA_V3_H_
#define DYAD_STORE_SCHEMA_V3_H_

#include <string>

#include "store/sqlite.h"

namespace dyad::store {

// Version 3's tables: version 1 and 2 stores migrate through them.
extern const char* const kSchemaV3;
// The current tables (schema_v4.cc).
extern const char* const kSchemaV4;
extern const char* const kInsertMentionV3;
extern const char* const kReaderIndexesV3;
extern const char* const kIdIndexV4;
extern const char* const kEventIdV4Text;

// Binds an event id as version 3 stores it: dyad's ids (16 lowercase hex
// digits) as the integer they spell, any other id as text.
void BindEventId(sqlite::Stmt& st, int i, const std::string& id);

// Binds a date as version 3 stores it: a YYYY-MM-DD date as its day number
// (days since 1970-01-01), anything else as text.
void BindDay(sqlite::Stmt& st, int i, const std::string& date);

// SQL: the YYYY-MM-DD text of a version 3 day column (`col`).
std::string DayText(const std::string& col);

}  // namespace dyad::store

#endif  // DYAD_STORE_SCHEMA_V3_H_
