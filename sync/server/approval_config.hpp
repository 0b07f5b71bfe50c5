// The jobcentre's internship rules in the server's configuration: dated rule
// sets (terminal/core/approval_rules.hpp), each with the day it takes effect,
// read from a TOML file so a municipality can put in the numbers of the law
// of 1 January 2027 without a new build. Without a file the built-in sets
// (LBK nr. 280 of 1 March 2024, carried over into 2027) hold.
//
//   [[internship_rules]]
//   from = "2027-01-01"
//   bases = [ { key = "lab61-4w", max_weeks = 4 },
//             { key = "lab61-further-13w", max_weeks = 13, extension = true,
//               after_weeks = 26, reason_required = true } ]
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "terminal/core/approval_rules.hpp"

namespace ft::server {

// The rule sets in `path`, or nullopt with a sentence naming the line in `error`.
std::optional<std::vector<ApprovalRuleSet>> load_approval_rules(const std::string& path, std::string& error);

}  // namespace ft::server
