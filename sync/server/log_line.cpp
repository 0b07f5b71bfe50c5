#include "sync/server/log_line.hpp"

namespace ft::server {

std::string printable(std::string_view text, size_t max_chars) {
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned char c : text) {
    if (out.size() >= max_chars) {
      out += "...";
      break;
    }
    if (c >= 0x20 && c < 0x7f && c != '\\') {
      out += static_cast<char>(c);
    } else {  // the backslash too, so that "\x0a" in the log always means an escaped byte
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace ft::server
