// Sets a JSON reply body, compressed at the fastest level when the client
// takes it and the body is worth it: zstd when offered (the terminal's
// libcurl offers it where it can decode it), else gzip through libdeflate.
//
// Why our own: cpp-httplib compresses JSON at zlib's default level 6, and on
// a morning when every terminal pulls its centre's day that was a quarter of
// the server's CPU time. zlib's level 1 cost about a third of it; libdeflate's
// level 1 half that again, and zstd's level 1 half of libdeflate's, with a
// quarter fewer bytes (docs/performance.md). cpp-httplib leaves
// "application/json; charset=utf-8" alone (it compresses only the bare type),
// so the body is not compressed twice.
#pragma once
#include <string>

#include <httplib.h>

namespace ft::server {

void set_json_reply(const httplib::Request& req, httplib::Response& res, const std::string& json);

// A body already compressed with `coding` ("zstd"), as JSON.
void set_encoded_json_reply(httplib::Response& res, std::string body, const char* coding);

// One zstd frame of `text` at level 1, on the serving thread's compressor;
// empty when compression failed.
std::string zstd_fast(const std::string& text);

// Whether an Accept-Encoding header value takes `coding` (not "zstd;q=0");
// "x-gzip" counts as gzip.
bool accepts_coding(const std::string& accept_encoding, const std::string& coding);

}  // namespace ft::server
