// HTTPS for the sync client: one reused libcurl handle with every safety
// option the protocol needs set on each request. Each option's reason is
// written where it is set (http.cpp), like curl documents its own options.
//
// A transfer that fails comes back as a Fault: a stable code and one
// sentence a supervisor can read; no exception leaves this file.
#pragma once
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sync/client/fault.hpp"

namespace ft::sync {

struct CurlLibrary;

struct HttpOptions {
  std::string ca_file;     // PEM bundle; when set it is the only trust anchor
  std::string pinned_key;  // optional "sha256//base64" public-key pin
  long connect_timeout_ms = 10'000;
  long low_speed_limit = 100;  // bytes per second ...
  long low_speed_time_s = 20;  // ... for this long ends the transfer
  long total_timeout_ms = 300'000;
  std::size_t max_reply_bytes = 32 * 1024 * 1024;

  // The defaults, overridden by FT_SYNC_CONNECT_TIMEOUT_MS, FT_SYNC_TIMEOUT_MS
  // and FT_SYNC_LOW_SPEED_TIME_S when set (tests make the timeouts small so a
  // hostile server is given up on quickly; a site with a slow line may raise them).
  static HttpOptions from_environment();
};

struct HttpReply {
  long status = 0;
  std::string body;
  std::optional<long> retry_after_s;  // from a Retry-After header, seconds from now
};

class HttpsClient {
 public:
  explicit HttpsClient(HttpOptions options);
  ~HttpsClient();
  HttpsClient(const HttpsClient&) = delete;
  HttpsClient& operator=(const HttpsClient&) = delete;

  void set_trust(const std::string& ca_file, const std::string& pinned_key);
  // When set and true, a running transfer is abandoned (Fault "stopped") within about a second.
  void set_stop_flag(const std::atomic<bool>* stop) { stop_ = stop; }

  std::optional<HttpReply> get(const std::string& url, const std::vector<std::string>& headers, Fault& fault);
  std::optional<HttpReply> post(const std::string& url, const std::vector<std::string>& headers,
                                const std::string& body, Fault& fault);

 private:
  std::optional<HttpReply> perform(const std::string& url, const std::vector<std::string>& headers,
                                   const std::string* body, Fault& fault);
  HttpOptions options_;
  const CurlLibrary* library_ = nullptr;  // libcurl, loaded by the first client (curl_library.hpp)
  std::string library_error_;             // why it could not be, for every request's fault
  void* curl_ = nullptr;                  // CURL*, kept between requests so connections are reused
  const std::atomic<bool>* stop_ = nullptr;
};

// True for an absolute https:// URL (any letter case), the only kind the client contacts.
bool is_https_url(const std::string& url);

}  // namespace ft::sync
