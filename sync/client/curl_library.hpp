// libcurl, loaded by the first HTTPS client rather than by the program's start.
//
// libcurl brings two TLS stacks, Kerberos, LDAP, SSH and RTMP with it: 26
// shared libraries, about 5 MiB resident and their relocations and
// constructors before main(). A terminal that works offline never needs them,
// and one that syncs loads them on the sync thread, away from the first frame
// (docs/performance.md). The floor-terminal package still depends on libcurl4.
#pragma once
#include <curl/curl.h>

#include <ctime>
#include <optional>
#include <string>

namespace ft::sync {

// The functions the client calls, with libcurl's own signatures.
struct CurlLibrary {
  CURLcode (*global_init)(long flags);
  CURL* (*easy_init)();
  CURLcode (*easy_setopt)(CURL*, CURLoption, ...);
  CURLcode (*easy_perform)(CURL*);
  CURLcode (*easy_getinfo)(CURL*, CURLINFO, ...);
  void (*easy_cleanup)(CURL*);
  const char* (*easy_strerror)(CURLcode);
  curl_slist* (*slist_append)(curl_slist*, const char*);
  void (*slist_free_all)(curl_slist*);
  time_t (*getdate)(const char*, const time_t*);
  curl_version_info_data* (*version_info)(CURLversion);
};

inline constexpr const char* kCurlSoname = "libcurl.so.4";

// Opens `soname`, finds every function and runs curl_global_init; nothing,
// and a sentence in `error`, when the library or one of its functions is
// missing. The library stays loaded for the life of the process.
std::optional<CurlLibrary> load_curl_library(const char* soname, std::string& error);

// kCurlSoname, loaded once per process whichever thread asks first.
const CurlLibrary* curl_library(std::string& error);

}  // namespace ft::sync
