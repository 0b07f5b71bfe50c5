// See cairo_library.hpp.
#include "terminal/report/cairo_library.hpp"

#include <dlfcn.h>

#include <mutex>

namespace ft {

std::optional<CairoLibrary> load_cairo_library(const char* soname, std::string& error) {
  // RTLD_LOCAL: its symbols serve this table only. Kept open: fontconfig and
  // FreeType keep caches that cairo's PDF surfaces share across reports.
  void* library = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (!library) {
    const char* why = dlerror();
    error = std::string("The PDF library ") + soname + " cannot be loaded (" + (why ? why : "unknown reason") +
            "); install libcairo2.";
    return std::nullopt;
  }
  CairoLibrary api{};
  const char* missing = nullptr;
#define FT_CAIRO_FIND(name)                                                                      \
  api.name = reinterpret_cast<decltype(api.name)>(dlsym(library, "cairo_" #name));              \
  if (!api.name && !missing) missing = "cairo_" #name;
  FT_CAIRO_FUNCTIONS(FT_CAIRO_FIND)
#undef FT_CAIRO_FIND
  if (missing) {
    error = std::string("The PDF library ") + soname + " lacks " + missing + "; install libcairo2.";
    dlclose(library);
    return std::nullopt;
  }
  // The handle stays open for the life of the process (see above); cppcheck
  // cannot know that cairo_library() calls this once and keeps the table.
  // cppcheck-suppress resourceLeak
  return api;
}

const CairoLibrary* cairo_library(std::string& error) {
  static std::once_flag once;
  static std::optional<CairoLibrary> api;
  static std::string load_error;
  std::call_once(once, [] { api = load_cairo_library(kCairoSoname, load_error); });
  if (!api) error = load_error;
  return api ? &*api : nullptr;
}

}  // namespace ft
