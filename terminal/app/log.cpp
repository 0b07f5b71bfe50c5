#include "terminal/app/log.hpp"

#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>

namespace ft {

void log(LogLevel level, std::string_view message) {
  static const bool journal = std::getenv("JOURNAL_STREAM") != nullptr;
  static std::mutex m;  // the sync thread logs too
  std::string line;
  if (journal) {
    line = "<" + std::to_string(static_cast<int>(level)) + ">";
  } else {
    static const char* const words[] = {"", "", "", "error: ", "warning: ", "", "info: ", "debug: "};
    line = std::string("floor-terminal: ") + words[static_cast<int>(level)];
  }
  line.append(message);
  line += '\n';
  std::lock_guard<std::mutex> lock(m);
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace ft
