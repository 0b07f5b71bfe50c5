#include "terminal/core/text.hpp"

#include <cstdint>
#include <vector>

namespace ft {

namespace {
// Decodes one code point at s[i]; returns its byte length, 0 when invalid.
size_t decode(std::string_view s, size_t i, std::uint32_t& cp) {
  const auto c = static_cast<unsigned char>(s[i]);
  size_t len;
  if (c < 0x80) { cp = c; return 1; }
  if ((c & 0xe0) == 0xc0) { cp = c & 0x1f; len = 2; }
  else if ((c & 0xf0) == 0xe0) { cp = c & 0x0f; len = 3; }
  else if ((c & 0xf8) == 0xf0) { cp = c & 0x07; len = 4; }
  else return 0;
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    const auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xc0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3f);
  }
  static const std::uint32_t min_for_len[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < min_for_len[len] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return len;
}

std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string first_char(std::string_view word) {
  std::uint32_t cp = 0;
  size_t len = decode(word, 0, cp);
  return std::string(word.substr(0, len ? len : 1));
}

// Upper-cases the Latin letters a board shows in initials (ASCII and æ ø å, é ...).
std::string upper_initial(std::string_view letter) {
  std::uint32_t cp = 0;
  if (letter.empty() || !decode(letter, 0, cp)) return std::string(letter);
  if (cp >= 'a' && cp <= 'z') cp -= 32;
  else if (cp >= 0xe0 && cp <= 0xfe && cp != 0xf7) cp -= 32;  // Latin-1 lower case
  std::string out;
  if (cp < 0x80) out += static_cast<char>(cp);
  else if (cp < 0x800) {
    out += static_cast<char>(0xc0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else return std::string(letter);
  return out;
}
}  // namespace

bool valid_utf8(std::string_view s) {
  std::uint32_t cp = 0;
  for (size_t i = 0; i < s.size();) {
    size_t len = decode(s, i, cp);
    if (!len) return false;
    i += len;
  }
  return true;
}

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xc0) != 0x80;
  return n;
}

std::optional<std::string> check_text(std::string_view s, size_t max_chars, bool allow_newlines) {
  if (!valid_utf8(s)) return "text_invalid_utf8";
  if (trim(s).empty()) return "text_empty";
  if (utf8_length(s) > max_chars) return "text_too_long";
  // Set by decode() whenever it returns a length (always, for valid UTF-8); at
  // -O3 GCC cannot see that and warns (-Wmaybe-uninitialized), so every cp here starts at 0.
  std::uint32_t cp = 0;
  for (size_t i = 0; i < s.size();) {
    size_t len = decode(s, i, cp);
    const bool newline = cp == '\n';
    if ((cp < 0x20 && !(allow_newlines && newline)) || (cp >= 0x7f && cp < 0xa0) || cp == 0x2028 ||
        cp == 0x2029)
      return "text_control";
    i += len;
  }
  return std::nullopt;
}

std::string trim(std::string_view s) {
  size_t a = 0, b = s.size();
  while (a < b && (s[a] == ' ' || s[a] == '\t')) ++a;
  while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t')) --b;
  return std::string(s.substr(a, b - a));
}

std::string first_name_last_initial(std::string_view full) {
  const auto w = words(full);
  if (w.empty()) return "";
  if (w.size() == 1) return std::string(w[0]);
  return std::string(w.front()) + " " + upper_initial(first_char(w.back())) + ".";
}

std::string initials(std::string_view full) {
  const auto w = words(full);
  if (w.empty()) return "?";
  std::string out = upper_initial(first_char(w.front()));
  if (w.size() > 1) out += upper_initial(first_char(w.back()));
  return out;
}

bool contains_rtl(std::string_view s) {
  std::uint32_t cp = 0;
  for (size_t i = 0; i < s.size();) {
    size_t len = decode(s, i, cp);
    if (!len) return false;
    if ((cp >= 0x0590 && cp <= 0x08ff) || (cp >= 0xfb1d && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff))
      return true;
    i += len;
  }
  return false;
}

}  // namespace ft
