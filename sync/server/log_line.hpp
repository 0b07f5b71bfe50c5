// What a request may put into the operator's log: printable ASCII only, each
// other byte as \xNN, cut at a length, so that a client cannot write lines
// of its own (CR, LF) or terminal escape sequences (ESC) into the log,
// whether it sent them raw or percent-encoded (cpp-httplib decodes the path).
#pragma once
#include <string>
#include <string_view>

namespace ft::server {

inline constexpr size_t kLoggedFieldChars = 200;

std::string printable(std::string_view text, size_t max_chars = kLoggedFieldChars);

}  // namespace ft::server
