// See curl_library.hpp.
#include "sync/client/curl_library.hpp"

#include <dlfcn.h>

#include <mutex>

namespace ft::sync {

namespace {

template <typename Function>
bool find(void* library, const char* name, Function& out, std::string& error) {
  out = reinterpret_cast<Function>(dlsym(library, name));
  if (!out) error = std::string("The HTTPS library libcurl lacks ") + name + "; install libcurl4.";
  return out != nullptr;
}

}  // namespace

std::optional<CurlLibrary> load_curl_library(const char* soname, std::string& error) {
  // RTLD_LOCAL: its symbols serve this table only. Never closed: curl's TLS
  // back end registers handlers that must outlive every handle.
  void* library = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (!library) {
    const char* why = dlerror();
    error = std::string("The HTTPS library ") + soname + " cannot be loaded (" + (why ? why : "unknown reason") +
            "); install libcurl4.";
    return std::nullopt;
  }
  CurlLibrary api{};
  const bool complete = find(library, "curl_global_init", api.global_init, error) &&
                        find(library, "curl_easy_init", api.easy_init, error) &&
                        find(library, "curl_easy_setopt", api.easy_setopt, error) &&
                        find(library, "curl_easy_perform", api.easy_perform, error) &&
                        find(library, "curl_easy_getinfo", api.easy_getinfo, error) &&
                        find(library, "curl_easy_cleanup", api.easy_cleanup, error) &&
                        find(library, "curl_easy_strerror", api.easy_strerror, error) &&
                        find(library, "curl_slist_append", api.slist_append, error) &&
                        find(library, "curl_slist_free_all", api.slist_free_all, error) &&
                        find(library, "curl_getdate", api.getdate, error) &&
                        find(library, "curl_version_info", api.version_info, error);
  if (!complete) {
    dlclose(library);
    return std::nullopt;
  }
  if (api.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
    error = std::string("The HTTPS library ") + soname + " could not start.";
    return std::nullopt;
  }
  return api;
}

const CurlLibrary* curl_library(std::string& error) {
  static std::once_flag once;
  static std::optional<CurlLibrary> api;
  static std::string load_error;
  std::call_once(once, [] { api = load_curl_library(kCurlSoname, load_error); });
  if (!api) error = load_error;
  return api ? &*api : nullptr;
}

}  // namespace ft::sync
