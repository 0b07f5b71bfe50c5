// Names and free text as people type them: UTF-8 validation, limits, and the
// short forms the shared board shows (first name, last initial, initials).
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace ft {

constexpr size_t kMaxNameChars = 200;
constexpr size_t kMaxNoteChars = 2000;
constexpr size_t kMaxHostChars = 120;

bool valid_utf8(std::string_view s);
size_t utf8_length(std::string_view s);  // code points; call on valid UTF-8 only
// nullopt when fine, else the refusal code: empty, too long, control characters, invalid UTF-8.
std::optional<std::string> check_text(std::string_view s, size_t max_chars, bool allow_newlines);
std::string trim(std::string_view s);
std::string first_name_last_initial(std::string_view full_name);  // "Åse Ærø-Ødegaard" -> "Åse Æ."
std::string initials(std::string_view full_name);                 // "Åse Ærø-Ødegaard" -> "ÅÆ"
bool contains_rtl(std::string_view s);  // Arabic or Hebrew letters, which ImGui cannot shape

}  // namespace ft
