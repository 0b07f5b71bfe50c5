// Files that hold personal data (reports, exports, screenshots) are born
// owner-only, whatever the umask, and one that already existed with wider
// permissions is narrowed before a byte is written into it.
#pragma once
#include <string>
#include <string_view>

namespace ft {

// An open descriptor for writing `path` from its start, mode 0600; -1 with
// a sentence in `error` when it cannot be had.
int open_private_file(const std::string& path, std::string& error);

// `bytes` into `path`, mode 0600; false with a sentence in `error`.
bool write_private_file(const std::string& path, std::string_view bytes, std::string& error);

}  // namespace ft
