// The sync client's HTTPS transport over libcurl; see http.hpp.
//
// Sections: environment · callbacks (reply cap, Retry-After, stop) ·
// the options of every request · mapping curl errors to faults.
#include "sync/protocol/tls.hpp"
#include "sync/client/http.hpp"

#include <cstdlib>
#include <cstring>
#include <ctime>

#include "sync/client/curl_library.hpp"

namespace ft::sync {

namespace {

// ---- environment ----------------------------------------------------------------

long env_long(const char* name, long fallback) {
  const char* v = std::getenv(name);
  if (!v || !*v) return fallback;
  char* end = nullptr;
  const long n = std::strtol(v, &end, 10);
  return (end && *end == '\0' && n > 0) ? n : fallback;
}

// ---- callbacks --------------------------------------------------------------------

struct Transfer {
  const CurlLibrary* curl = nullptr;
  std::string body;
  std::size_t cap = 0;
  bool too_large = false;
  std::optional<long> retry_after_s;
  const std::atomic<bool>* stop = nullptr;
};

size_t on_body(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t len = size * n;
  if (t->body.size() + len > t->cap) {
    t->too_large = true;
    return 0;  // curl ends the transfer with CURLE_WRITE_ERROR
  }
  t->body.append(data, len);
  return len;
}

// Retry-After is delta-seconds or an HTTP date. Values are capped at an hour
// so a broken server cannot silence a terminal for days.
std::optional<long> parse_retry_after(const CurlLibrary& curl, std::string v) {
  while (!v.empty() && (v.back() == '\r' || v.back() == '\n' || v.back() == ' ')) v.pop_back();
  while (!v.empty() && v.front() == ' ') v.erase(v.begin());
  if (v.empty()) return std::nullopt;
  long seconds = -1;
  if (v.find_first_not_of("0123456789") == std::string::npos && v.size() < 10) {
    seconds = std::strtol(v.c_str(), nullptr, 10);
  } else {
    const time_t when = curl.getdate(v.c_str(), nullptr);
    if (when < 0) return std::nullopt;
    seconds = static_cast<long>(when - std::time(nullptr));
    if (seconds < 0) seconds = 0;
  }
  return seconds > 3600 ? 3600 : seconds;
}

size_t on_header(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t len = size * n;
  std::string line(data, len);
  if (line.rfind("HTTP/", 0) == 0) t->retry_after_s.reset();  // a new response (after a redirect)
  const char* name = "retry-after:";
  if (line.size() > std::strlen(name) && strncasecmp(line.c_str(), name, std::strlen(name)) == 0)
    t->retry_after_s = parse_retry_after(*t->curl, line.substr(std::strlen(name)));
  return len;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  auto* t = static_cast<Transfer*>(user);
  return (t->stop && t->stop->load()) ? 1 : 0;
}

// ---- mapping curl errors to faults ------------------------------------------------

Fault fault_from(CURLcode rc, const Transfer& t, const char* detail, const HttpOptions& o) {
  const std::string why = (detail && *detail) ? std::string(detail) : t.curl->easy_strerror(rc);
  switch (rc) {
    case CURLE_UNSUPPORTED_PROTOCOL:
      return {"redirect_refused", "The server sent the terminal to an address that is not https; it was not followed.",
              false, std::nullopt};
    case CURLE_PEER_FAILED_VERIFICATION:
      return {"untrusted_certificate",
              "The server's certificate is not trusted by the CA file " +
                  (o.ca_file.empty() ? std::string("(system default)") : o.ca_file) +
                  " or does not name the server's address (" + why + ").",
              false, std::nullopt};
    case CURLE_SSL_CACERT_BADFILE:
      return {"ca_file_unreadable", "The CA file " + o.ca_file + " cannot be read as PEM certificates.", false,
              std::nullopt};
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
      return {"pin_mismatch",
              "The server's public key does not match the pinned key; a TLS-inspecting proxy on the way breaks pinning.",
              false, std::nullopt};
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
      return {"tls_failed", "The secure connection to the server could not be set up (" + why + ").", true,
              std::nullopt};
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
      return {"connect_failed", "Cannot reach the server (" + why + "); the network or the server is down.", true,
              std::nullopt};
    case CURLE_OPERATION_TIMEDOUT:
      return {"timeout", "The server did not answer in time (" + why + ").", true, std::nullopt};
    case CURLE_PARTIAL_FILE:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return {"connection_lost", "The connection to the server broke off before the reply was complete (" + why + ").",
              true, std::nullopt};
    case CURLE_WRITE_ERROR:
    case CURLE_FILESIZE_EXCEEDED:
      if (t.too_large || rc == CURLE_FILESIZE_EXCEEDED)
        return {"reply_too_large",
                "The server's reply was larger than " + std::to_string(o.max_reply_bytes) + " bytes and was refused.",
                true, std::nullopt};
      break;
    case CURLE_ABORTED_BY_CALLBACK:
      return {"stopped", "The transfer was stopped because the terminal is shutting down.", true, std::nullopt};
    case CURLE_TOO_MANY_REDIRECTS:
      return {"too_many_redirects", "The server redirected too many times.", true, std::nullopt};
    case CURLE_BAD_CONTENT_ENCODING:
      return {"bad_reply", "The server's reply could not be decompressed (" + why + ").", true, std::nullopt};
    default:
      break;
  }
  return {"network", "The transfer failed (" + why + ").", true, std::nullopt};
}

}  // namespace

HttpOptions HttpOptions::from_environment() {
  HttpOptions o;
  o.connect_timeout_ms = env_long("FT_SYNC_CONNECT_TIMEOUT_MS", o.connect_timeout_ms);
  o.total_timeout_ms = env_long("FT_SYNC_TIMEOUT_MS", o.total_timeout_ms);
  o.low_speed_time_s = env_long("FT_SYNC_LOW_SPEED_TIME_S", o.low_speed_time_s);
  return o;
}

bool is_https_url(const std::string& url) {
  return url.size() > 8 && strncasecmp(url.c_str(), "https://", 8) == 0;
}

HttpsClient::HttpsClient(HttpOptions options) : options_(std::move(options)) {
  library_ = curl_library(library_error_);
  if (library_) curl_ = library_->easy_init();
}

HttpsClient::~HttpsClient() {
  if (library_) library_->easy_cleanup(static_cast<CURL*>(curl_));
}

void HttpsClient::set_trust(const std::string& ca_file, const std::string& pinned_key) {
  options_.ca_file = ca_file;
  options_.pinned_key = pinned_key;
}

std::optional<HttpReply> HttpsClient::get(const std::string& url, const std::vector<std::string>& headers,
                                          Fault& fault) {
  return perform(url, headers, nullptr, fault);
}

std::optional<HttpReply> HttpsClient::post(const std::string& url, const std::vector<std::string>& headers,
                                           const std::string& body, Fault& fault) {
  return perform(url, headers, &body, fault);
}

// ---- the options of every request -----------------------------------------------------

std::optional<HttpReply> HttpsClient::perform(const std::string& url, const std::vector<std::string>& headers,
                                              const std::string* body, Fault& fault) {
  if (!library_) {
    fault = {"https_library_missing", library_error_, false, std::nullopt};
    return std::nullopt;
  }
  CURL* c = static_cast<CURL*>(curl_);
  if (!c) {
    fault = {"network", "The HTTPS library could not start.", true, std::nullopt};
    return std::nullopt;
  }
  const CurlLibrary& curl = *library_;
  // Checked here as well as by CURLOPT_PROTOCOLS_STR, for a clearer sentence.
  if (!is_https_url(url)) {
    fault = {"insecure_url", "The server address must start with https://; plain http is refused.", false,
             std::nullopt};
    return std::nullopt;
  }
  Transfer t;
  t.curl = library_;
  t.cap = options_.max_reply_bytes;
  t.stop = stop_;
  char error_buffer[CURL_ERROR_SIZE] = {};
  curl_slist* list = nullptr;
  for (const auto& h : headers) list = curl.slist_append(list, h.c_str());
  if (body) list = curl.slist_append(list, "Content-Type: application/json");
  list = curl.slist_append(list, "Accept: application/json");
  list = curl.slist_append(list, "Expect:");  // no 100-continue round trip before a push body

  curl.easy_setopt(c, CURLOPT_URL, url.c_str());
  curl.easy_setopt(c, CURLOPT_HTTPHEADER, list);
  curl.easy_setopt(c, CURLOPT_ERRORBUFFER, error_buffer);
  curl.easy_setopt(c, CURLOPT_USERAGENT, "floor-terminal-sync/1");
  // https only, for the first request and for every redirect (libcurl >= 7.85 takes these strings).
  curl.easy_setopt(c, CURLOPT_PROTOCOLS_STR, "https");
  curl.easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "https");
  curl.easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl.easy_setopt(c, CURLOPT_MAXREDIRS, 3L);
  curl.easy_setopt(c, CURLOPT_POSTREDIR, static_cast<long>(CURL_REDIR_POST_ALL));  // a push stays a POST
  // Verification is never switched off, whatever the settings say.
  curl.easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
  curl.easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
  curl.easy_setopt(c, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
  curl.easy_setopt(c, CURLOPT_SSL_CIPHER_LIST, sync::kTls12Ciphers);  // TLS 1.2 as the server takes it
  if (!options_.ca_file.empty()) {
    // The configured CA is the only anchor: the system's CA directory is not consulted.
    curl.easy_setopt(c, CURLOPT_CAINFO, options_.ca_file.c_str());
    curl.easy_setopt(c, CURLOPT_CAPATH, nullptr);
  }
  curl.easy_setopt(c, CURLOPT_PINNEDPUBLICKEY, options_.pinned_key.empty() ? nullptr : options_.pinned_key.c_str());
  curl.easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, options_.connect_timeout_ms);
  curl.easy_setopt(c, CURLOPT_TIMEOUT_MS, options_.total_timeout_ms);
  curl.easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, options_.low_speed_limit);
  curl.easy_setopt(c, CURLOPT_LOW_SPEED_TIME, options_.low_speed_time_s);
  curl.easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // we run on a thread of our own; no SIGALRM for DNS timeouts
  // zstd where this libcurl can decode it (Debian's can), else gzip; never "br": cpp-httplib
  // answers it with Brotli at its slowest setting (measured: 0.33 s against 0.009 s for gzip
  // on a 180 KB page), which costs more than it saves on a LAN.
  const curl_version_info_data* features = curl.version_info(CURLVERSION_NOW);
  const bool zstd = features && (features->features & CURL_VERSION_ZSTD);
  curl.easy_setopt(c, CURLOPT_ACCEPT_ENCODING, zstd ? "zstd, gzip" : "gzip");
  curl.easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options_.max_reply_bytes));
  curl.easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
  curl.easy_setopt(c, CURLOPT_WRITEDATA, &t);
  curl.easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
  curl.easy_setopt(c, CURLOPT_HEADERDATA, &t);
  curl.easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
  curl.easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
  curl.easy_setopt(c, CURLOPT_XFERINFODATA, &t);
  // The proxy comes from https_proxy / no_proxy in the environment, libcurl's default.
  if (body) {
    curl.easy_setopt(c, CURLOPT_POST, 1L);
    curl.easy_setopt(c, CURLOPT_POSTFIELDS, body->data());
    curl.easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body->size()));
  } else {
    curl.easy_setopt(c, CURLOPT_HTTPGET, 1L);
  }

  const CURLcode rc = curl.easy_perform(c);
  long status = 0;
  curl.easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  // Nothing below may point at this frame after we return.
  curl.easy_setopt(c, CURLOPT_HTTPHEADER, nullptr);
  curl.easy_setopt(c, CURLOPT_ERRORBUFFER, nullptr);
  curl.easy_setopt(c, CURLOPT_POSTFIELDS, nullptr);
  curl.slist_free_all(list);
  if (rc != CURLE_OK) {
    fault = fault_from(rc, t, error_buffer, options_);
    return std::nullopt;
  }
  return HttpReply{status, std::move(t.body), t.retry_after_s};
}

}  // namespace ft::sync
