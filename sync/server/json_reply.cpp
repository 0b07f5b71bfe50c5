#include "sync/server/json_reply.hpp"

#include <zlib.h>

#include <cctype>
#include <cstdlib>

namespace ft::server {

namespace {

constexpr const char* kJsonUtf8 = "application/json; charset=utf-8";
constexpr size_t kWorthCompressing = 1024;  // below this the gzip header eats the gain

// gzip at level 1; empty when zlib fails (the reply then goes uncompressed).
std::string gzip_fast(const std::string& in) {
  z_stream z{};
  // 15 + 16: a gzip wrapper around the deflate stream, as Content-Encoding: gzip means.
  if (deflateInit2(&z, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::string out(deflateBound(&z, static_cast<uLong>(in.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const bool done = deflate(&z, Z_FINISH) == Z_STREAM_END;
  out.resize(z.total_out);
  deflateEnd(&z);
  return done ? out : std::string();
}

}  // namespace

bool accepts_gzip(const std::string& accept_encoding) {
  std::string h;
  for (char c : accept_encoding)
    if (c != ' ' && c != '\t') h += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  size_t start = 0;
  while (start <= h.size()) {
    const size_t end = h.find(',', start);
    const std::string item = h.substr(start, end == std::string::npos ? std::string::npos : end - start);
    const std::string coding = item.substr(0, item.find(';'));
    if (coding == "gzip" || coding == "x-gzip") {
      const auto q = item.find(";q=");
      return q == std::string::npos || std::strtod(item.c_str() + q + 3, nullptr) > 0;
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return false;
}

void set_json_reply(const httplib::Request& req, httplib::Response& res, const std::string& json) {
  res.set_header("Vary", "Accept-Encoding");
  if (json.size() >= kWorthCompressing && accepts_gzip(req.get_header_value("Accept-Encoding"))) {
    std::string packed = gzip_fast(json);
    if (!packed.empty()) {
      res.set_header("Content-Encoding", "gzip");
      res.set_content(std::move(packed), kJsonUtf8);
      return;
    }
  }
  res.set_content(json, kJsonUtf8);
}

}  // namespace ft::server
