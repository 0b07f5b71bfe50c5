// FlatPayload: the allocation-free reader of stored payload text; see payload.hpp.
// It accepts a subset of what nlohmann accepts and reads it the same way;
// for everything else it says no and the caller asks nlohmann.
#include "terminal/core/payload.hpp"

#include <charconv>

namespace ft::payload {

namespace {
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
void skip_space(std::string_view s, std::size_t& i) {
  while (i < s.size() && is_space(s[i])) ++i;
}
int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
bool read_hex4(std::string_view s, std::size_t i, unsigned& out) {
  if (i + 4 > s.size()) return false;
  out = 0;
  for (std::size_t k = 0; k < 4; ++k) {
    const int h = hex(s[i + k]);
    if (h < 0) return false;
    out = out * 16 + static_cast<unsigned>(h);
  }
  return true;
}
void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}
// Length of the well-formed UTF-8 sequence at s[i] (lead byte >= 0x80), 0 if
// malformed: nlohmann refuses such text, so we must not accept it either.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char c = b(0);
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF)
    n = 2;
  else if (c == 0xE0)
    n = 3, lo = 0xA0;
  else if (c >= 0xE1 && c <= 0xEC)
    n = 3;
  else if (c == 0xED)
    n = 3, hi = 0x9F;
  else if (c >= 0xEE && c <= 0xEF)
    n = 3;
  else if (c == 0xF0)
    n = 4, lo = 0x90;
  else if (c >= 0xF1 && c <= 0xF3)
    n = 4;
  else if (c == 0xF4)
    n = 4, hi = 0x8F;
  else
    return 0;
  if (i + n > s.size() || b(1) < lo || b(1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if (b(k) < 0x80 || b(k) > 0xBF) return 0;
  return n;
}
}  // namespace

// s[i] is the opening quote; on success i is past the closing one.
bool FlatPayload::read_string(std::string_view s, std::size_t& i, std::string_view& out) {
  const std::size_t start = ++i;
  // Fast path: no escapes, the value is a view into the text itself.
  while (i < s.size() && s[i] != '"' && s[i] != '\\') {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20) return false;  // raw control characters are not JSON
    if (c < 0x80) {
      ++i;
    } else {
      const std::size_t n = utf8_length(s, i);
      if (n == 0) return false;
      i += n;
    }
  }
  if (i >= s.size()) return false;
  if (s[i] == '"') {
    out = s.substr(start, i - start);
    ++i;
    return true;
  }
  // Escapes: decode into unescaped_, which parse() reserved to the text's
  // size; decoding only shortens, so earlier views into it stay valid.
  const std::size_t from = unescaped_.size();
  unescaped_.append(s.substr(start, i - start));
  while (i < s.size() && s[i] != '"') {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20) return false;
    if (c >= 0x80) {
      const std::size_t n = utf8_length(s, i);
      if (n == 0) return false;
      unescaped_.append(s.substr(i, n));
      i += n;
      continue;
    }
    if (c != '\\') {
      unescaped_ += static_cast<char>(c);
      ++i;
      continue;
    }
    if (++i >= s.size()) return false;
    switch (s[i]) {
      case '"':
        unescaped_ += '"';
        break;
      case '\\':
        unescaped_ += '\\';
        break;
      case '/':
        unescaped_ += '/';
        break;
      case 'b':
        unescaped_ += '\b';
        break;
      case 'f':
        unescaped_ += '\f';
        break;
      case 'n':
        unescaped_ += '\n';
        break;
      case 'r':
        unescaped_ += '\r';
        break;
      case 't':
        unescaped_ += '\t';
        break;
      case 'u': {
        unsigned cp = 0;
        if (!read_hex4(s, i + 1, cp)) return false;
        i += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF) {  // a surrogate pair: \uD83D\uDE00
          unsigned low = 0;
          if (i + 2 >= s.size() || s[i + 1] != '\\' || s[i + 2] != 'u' || !read_hex4(s, i + 3, low) || low < 0xDC00 ||
              low > 0xDFFF)
            return false;
          i += 6;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
          return false;  // a lone low surrogate
        }
        append_utf8(unescaped_, cp);
        break;
      }
      default:
        return false;
    }
    ++i;
  }
  if (i >= s.size()) return false;
  ++i;
  out = std::string_view(unescaped_).substr(from);
  return true;
}

bool FlatPayload::parse(std::string_view s) {
  fields_.clear();
  unescaped_.clear();
  if (unescaped_.capacity() < s.size()) unescaped_.reserve(s.size());
  std::size_t i = 0;
  skip_space(s, i);
  if (i >= s.size() || s[i] != '{') return false;
  ++i;
  skip_space(s, i);
  bool ok = false;
  if (i < s.size() && s[i] == '}') {
    ++i;
    ok = true;
  }
  while (!ok) {
    Field f;
    if (i >= s.size() || s[i] != '"' || !read_string(s, i, f.key)) break;
    skip_space(s, i);
    if (i >= s.size() || s[i] != ':') break;
    ++i;
    skip_space(s, i);
    if (i >= s.size()) break;
    const char c = s[i];
    if (c == '"') {
      if (!read_string(s, i, f.str)) break;
      f.kind = Kind::String;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      // Strict JSON number grammar; an integer is read exactly. Our payloads
      // never hold a fraction or an exponent, so such a number is left to
      // nlohmann, whose rules (a double, refused when it overflows) decide.
      const std::size_t start = i;
      if (s[i] == '-') ++i;
      if (i >= s.size()) break;
      if (s[i] == '0')
        ++i;
      else if (s[i] >= '1' && s[i] <= '9')
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
      else
        break;
      bool is_float = false;
      if (i < s.size() && s[i] == '.') {
        is_float = true;
        if (++i >= s.size() || s[i] < '0' || s[i] > '9') break;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
      }
      if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        is_float = true;
        if (++i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        if (i >= s.size() || s[i] < '0' || s[i] > '9') break;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
      }
      if (is_float) break;
      const auto r = std::from_chars(s.data() + start, s.data() + i, f.number);
      if (r.ec != std::errc()) break;  // beyond 64 bits: leave it to nlohmann
      f.kind = Kind::Integer;
    } else if (s.substr(i, 4) == "true") {
      f.kind = Kind::Bool, f.number = 1, i += 4;
    } else if (s.substr(i, 5) == "false") {
      f.kind = Kind::Bool, f.number = 0, i += 5;
    } else if (s.substr(i, 4) == "null") {
      f.kind = Kind::Null, i += 4;
    } else {
      break;  // an object or array inside: not flat
    }
    fields_.push_back(f);
    skip_space(s, i);
    if (i < s.size() && s[i] == ',') {
      ++i;
      skip_space(s, i);
      continue;
    }
    if (i < s.size() && s[i] == '}') {
      ++i;
      ok = true;
    }
    break;
  }
  if (ok) {
    skip_space(s, i);
    ok = i == s.size();
  }
  if (!ok) fields_.clear();
  return ok;
}

}  // namespace ft::payload
