#include "terminal/app/args.hpp"

namespace ft {

std::optional<std::string> Args::get(const std::string& name) const {
  auto it = options.find(name);
  if (it == options.end()) return std::nullopt;
  return it->second;
}

std::optional<Args> parse_args(const std::vector<std::string>& argv, std::string& error) {
  Args a;
  size_t i = 0;
  if (!argv.empty() && argv[0].rfind("--", 0) != 0) a.command = argv[i++];
  // i is 1 only when argv has a first element, so the start is never past the end.
  // cppcheck-suppress containerOutOfBounds
  a.raw.assign(argv.begin() + static_cast<long>(i), argv.end());
  for (; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (arg.rfind("--", 0) != 0) {
      error = "Unexpected argument '" + arg + "'.";
      return std::nullopt;
    }
    if (kFlagOptions.count(arg)) {
      a.flags.insert(arg);
      continue;
    }
    if (i + 1 >= argv.size()) {
      error = "The option " + arg + " needs a value.";
      return std::nullopt;
    }
    if (a.options.count(arg)) {
      error = "The option " + arg + " is given twice.";
      return std::nullopt;
    }
    a.options[arg] = argv[++i];
  }
  return a;
}

}  // namespace ft
