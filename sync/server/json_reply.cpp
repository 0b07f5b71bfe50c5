#include "sync/server/json_reply.hpp"

#include <libdeflate.h>
#include <zstd.h>

#include <cctype>
#include <cstdlib>
#include <memory>

namespace ft::server {

namespace {

constexpr const char* kJsonUtf8 = "application/json; charset=utf-8";
constexpr size_t kWorthCompressing = 1024;  // below this the gzip header eats the gain

// gzip at libdeflate's level 1; empty when it fails (the reply then goes
// uncompressed). Pull pages are the server's largest replies, and their
// compression was its largest CPU cost: libdeflate compresses a page of 1000
// events in half zlib's time at level 1, a little smaller (docs/performance.md).
std::string gzip_fast(const std::string& in) {
  std::unique_ptr<libdeflate_compressor, decltype(&libdeflate_free_compressor)> compressor(
      libdeflate_alloc_compressor(1), libdeflate_free_compressor);
  if (!compressor) return {};
  std::string out(libdeflate_gzip_compress_bound(compressor.get(), in.size()), '\0');
  const size_t size = libdeflate_gzip_compress(compressor.get(), in.data(), in.size(), out.data(), out.size());
  out.resize(size);  // 0 when it did not fit, which the bound rules out
  return out;
}

}  // namespace

// zstd at level 1, for terminals whose libcurl takes it: half libdeflate's
// time on a page of 1000 events, and a quarter fewer bytes. Empty on failure.
std::string zstd_fast(const std::string& in) {
  // A context per call, not one kept per serving thread: kept, each of up to
  // --threads threads held one sized for the largest page it had compressed,
  // and keeping them measured no faster.
  std::string out(ZSTD_compressBound(in.size()), '\0');
  const size_t size = ZSTD_compress(out.data(), out.size(), in.data(), in.size(), 1);
  if (ZSTD_isError(size)) return {};
  out.resize(size);
  return out;
}

bool accepts_coding(const std::string& accept_encoding, const std::string& coding) {
  std::string h;
  for (char c : accept_encoding)
    if (c != ' ' && c != '\t') h += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  size_t start = 0;
  while (start <= h.size()) {
    const size_t end = h.find(',', start);
    const std::string item = h.substr(start, end == std::string::npos ? std::string::npos : end - start);
    const std::string name = item.substr(0, item.find(';'));
    if (name == coding || (coding == "gzip" && name == "x-gzip")) {
      const auto q = item.find(";q=");
      return q == std::string::npos || std::strtod(item.c_str() + q + 3, nullptr) > 0;
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return false;
}

void set_encoded_json_reply(httplib::Response& res, std::string body, const char* coding) {
  res.set_header("Vary", "Accept-Encoding");
  res.set_header("Content-Encoding", coding);
  res.set_content(std::move(body), kJsonUtf8);
}

void set_json_reply(const httplib::Request& req, httplib::Response& res, const std::string& json) {
  if (json.size() >= kWorthCompressing) {
    const std::string accepted = req.get_header_value("Accept-Encoding");
    const char* coding = accepts_coding(accepted, "zstd") ? "zstd" : accepts_coding(accepted, "gzip") ? "gzip" : nullptr;
    std::string packed;
    if (coding) packed = std::string(coding) == "zstd" ? zstd_fast(json) : gzip_fast(json);
    if (!packed.empty()) return set_encoded_json_reply(res, std::move(packed), coding);
  }
  res.set_header("Vary", "Accept-Encoding");
  res.set_content(json, kJsonUtf8);
}

}  // namespace ft::server
