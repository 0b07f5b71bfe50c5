// The sync commands of floor-terminal (DESIGN.md §5, a contract):
//
//   floor-terminal join --db PATH --server URL --ca FILE --code CODE
//   floor-terminal sync --db PATH
//
// Each returns the process exit code: 0 on success; otherwise one clear
// sentence on `err` and a non-zero code. `sync` exits 0 only when the whole
// round (push and pull) completed.
#pragma once
#include <ostream>
#include <string>

namespace ft {

int cli_join(const std::string& db, const std::string& server_url, const std::string& ca_file,
             const std::string& code, std::ostream& out, std::ostream& err);
int cli_sync(const std::string& db, std::ostream& out, std::ostream& err);

}  // namespace ft
