// The journal: one line per message on stderr with a syslog level prefix
// ("<3>" error ... "<7>" debug) that journald reads when it runs the service;
// in a terminal the level is a word instead. Messages carry ids, never names
// or other personal data.
#pragma once
#include <string_view>

namespace ft {

enum class LogLevel { Error = 3, Warning = 4, Info = 6, Debug = 7 };

void log(LogLevel level, std::string_view message);

}  // namespace ft
