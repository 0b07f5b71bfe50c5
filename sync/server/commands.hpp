// sync-server's command line (DESIGN.md §5): serving, and the commands a
// municipality's operator runs. Errors are one sentence on stderr with the
// exit codes the terminal uses: 1 refused, 2 bad usage, 3 the database failed.
#pragma once

namespace ft::server {

int run_command_line(int argc, char** argv);

}  // namespace ft::server
