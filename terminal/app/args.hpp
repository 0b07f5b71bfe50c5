// Command-line arguments: one subcommand, then --options with values and a
// few bare flags. Unknown options and missing values are errors, so a typo
// never runs a command with a default the user did not mean.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace ft {

struct Args {
  std::string command;  // "" for the kiosk
  std::map<std::string, std::string> options;
  std::set<std::string> flags;
  std::vector<std::string> raw;  // everything after the subcommand, for commands that parse their own

  std::optional<std::string> get(const std::string& name) const;
  bool has(const std::string& flag) const { return flags.count(flag) > 0; }
};

// Options that take no value ("--read-aloud" takes on|off: see `language`).
inline const std::set<std::string> kFlagOptions = {"--json", "--waitlist", "--windowed", "--list", "--health",
                                                    "--shared", "--help", "--version"};

std::optional<Args> parse_args(const std::vector<std::string>& argv, std::string& error);

}  // namespace ft
