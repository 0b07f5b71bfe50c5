// Sets a JSON reply body, gzip-compressed by libdeflate at its fastest level
// when the client takes gzip and the body is worth it.
//
// Why our own: cpp-httplib compresses JSON at zlib's default level 6, and on
// a morning when every terminal pulls its centre's day that was a quarter of
// the server's CPU time. zlib's level 1 cost about a third of it for a few
// percent more bytes; libdeflate's level 1 half that again. cpp-httplib leaves "application/json; charset=utf-8" alone
// (it compresses only the bare type), so the body is not compressed twice.
#pragma once
#include <string>

#include <httplib.h>

namespace ft::server {

void set_json_reply(const httplib::Request& req, httplib::Response& res, const std::string& json);

// Whether an Accept-Encoding header value takes gzip (not "gzip;q=0").
bool accepts_gzip(const std::string& accept_encoding);

}  // namespace ft::server
