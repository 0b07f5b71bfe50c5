// The narrow door to a Centre's own SQLite connection, for the command line
// (status, backup, the sync settings a `join` writes), the demo seed, and
// tests that look at the file itself. The kiosk's screens never include it:
// they reach data only through Centre's commands, state() and sync_status(),
// so no draw function can hold SQL (tests/house checks the includes).
#pragma once
#include "terminal/store/centre.hpp"
#include "terminal/store/database.hpp"

namespace ft {

class CentreDatabase {
 public:
  static Database& of(Centre& centre) { return *centre.db_; }
};

// The centre's connection; found by argument-dependent lookup, but only where this file is included.
inline Database& centre_database(Centre& centre) { return CentreDatabase::of(centre); }

}  // namespace ft
