// The account and access-log commands; see user_commands.hpp.
#include "sync/server/web/user_commands.hpp"

#include <iostream>
#include <sstream>

#include "sync/server/web/access_log.hpp"
#include "sync/server/web/users.hpp"

namespace ft::server::web {

namespace {

constexpr int kOk = 0, kRefused = 1, kUsage = 2;

int refused(const std::string& sentence) {
  std::cerr << sentence << "\n";
  return kRefused;
}

// One line from standard input, without its line end: a password never goes on the command line,
// where other users of the machine can read it in the process list.
std::string password_line(std::istream& in) {
  std::string line;
  std::getline(in, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream s(text);
  for (std::string part; std::getline(s, part, ',');)
    if (!part.empty()) out.push_back(part);
  return out;
}

int account_change(ServerStore& store, std::string (*change)(SqlDb&, const std::string&), const CommandOptions& o) {
  std::string error;
  store.with_db([&](SqlDb& db) { error = change(db, o.at("--name")); });
  return error.empty() ? kOk : refused(error);
}

std::optional<std::int64_t> retention_days(const CommandOptions& o, bool& bad) {
  auto it = o.find("--access-log-days");
  if (it == o.end()) return kDefaultRetentionDays;
  try {
    const long long d = std::stoll(it->second);
    if (d >= 1 && d <= 3650) return d;
  } catch (const std::exception&) {
  }
  bad = true;
  return std::nullopt;
}

}  // namespace

int add_user_command(ServerStore& store, const CommandOptions& o, std::istream& in, std::int64_t now_ms) {
  const auto role = parse_user_role(o.at("--role"));
  if (!role) {
    std::cerr << "--role takes caseworker, supervisor or admin.\n";
    return kUsage;
  }
  std::vector<std::string> centres;
  if (auto it = o.find("--centre"); it != o.end()) centres = split_commas(it->second);
  const std::string password = password_line(in);
  std::string error, id;
  store.with_db([&](SqlDb& db) { error = add_user(db, o.at("--name"), *role, centres, password, now_ms, id); });
  if (!error.empty()) return refused(error);
  std::cout << id << "\n";
  return kOk;
}

int disable_user_command(ServerStore& store, const CommandOptions& o) { return account_change(store, disable_user, o); }
int unlock_user_command(ServerStore& store, const CommandOptions& o) { return account_change(store, unlock_user, o); }

int set_password_command(ServerStore& store, const CommandOptions& o, std::istream& in) {
  const std::string password = password_line(in);
  std::string error;
  store.with_db([&](SqlDb& db) { error = set_password(db, o.at("--name"), password); });
  return error.empty() ? kOk : refused(error);
}

int access_log_command(ServerStore& store, const CommandOptions& o, std::int64_t now_ms) {
  bool bad = false;
  const auto days = retention_days(o, bad);
  if (bad) {
    std::cerr << "--access-log-days takes a number of days from 1 to 3650.\n";
    return kUsage;
  }
  AccessQuery q;
  if (auto it = o.find("--person"); it != o.end()) q.person = it->second;
  if (auto it = o.find("--user"); it != o.end()) q.user = it->second;
  const bool for_citizen = o.count("--for-citizen") > 0;
  if (for_citizen && (!q.person || q.user)) {
    std::cerr << "--for-citizen answers a citizen's request: give --person ID and no --user.\n";
    return kUsage;
  }
  std::vector<AccessEntry> rows;
  store.with_db([&](SqlDb& db) {
    prune_access_log(db, now_ms, *days);  // what is past its time is not shown, and goes now
    rows = read_access_log(db, q);
  });
  std::cout << access_log_json(rows, for_citizen).dump(2) << "\n";
  return kOk;
}

}  // namespace ft::server::web
