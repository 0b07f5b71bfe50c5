// sync-server's commands for the web view's accounts and the access log
// (DESIGN.md §5): add-user (password on stdin, user id last), disable-user,
// unlock-user, set-password (new password on stdin) and access-log --json.
// Each returns the exit code: 0 done, 1 refused, 2 bad usage.
#pragma once
#include <iosfwd>
#include <map>
#include <string>

#include "sync/server/server_store.hpp"

namespace ft::server::web {

using CommandOptions = std::map<std::string, std::string>;  // "--key" -> value; --centre repeated joins by ','

int add_user_command(ServerStore& store, const CommandOptions& o, std::istream& in, std::int64_t now_ms);
int disable_user_command(ServerStore& store, const CommandOptions& o);
int unlock_user_command(ServerStore& store, const CommandOptions& o);
int set_password_command(ServerStore& store, const CommandOptions& o, std::istream& in);
int access_log_command(ServerStore& store, const CommandOptions& o, std::int64_t now_ms);

}  // namespace ft::server::web
