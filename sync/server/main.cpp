// sync-server: the municipal server and its administration commands
// (sync/server/commands.cpp; the contract in DESIGN.md §5).
#include <sys/stat.h>

#include "sync/server/commands.hpp"

int main(int argc, char** argv) {
  umask(077);  // the database, its WAL and anything else we create: owner only
  return ft::server::run_command_line(argc, argv);
}
