// cairo, loaded when a PDF report is written rather than by the program's start.
//
// Only `report --format pdf` draws with cairo, and the kiosk never does; yet
// linked, cairo brings pixman, fontconfig, expat, Xrender and xcb-render into
// every process, with their relocations and constructors before main() and
// 0.7 MiB resident in the kiosk all day (docs/performance.md). Opened
// here like libcurl (sync/client/curl_library.hpp); the floor-terminal package
// depends on libcairo2 by name, as dpkg-shlibdeps cannot see this.
#pragma once
#include <cairo-pdf.h>
#include <cairo.h>

#include <optional>
#include <string>

namespace ft {

// The cairo functions the report calls, by their names without "cairo_".
#define FT_CAIRO_FUNCTIONS(X)                                                                                       \
  X(create) X(destroy) X(save) X(restore) X(show_page) X(select_font_face) X(set_font_size) X(text_extents)        \
  X(show_text) X(move_to) X(line_to) X(rectangle) X(fill) X(stroke) X(set_line_width) X(set_source_rgb)            \
  X(pdf_surface_create_for_stream) X(pdf_surface_set_metadata) X(surface_status) X(surface_finish)               \
  X(surface_destroy) X(status_to_string) X(tag_begin) X(tag_end)

// Each member has cairo's own signature: decltype of the declaration in
// cairo.h, which takes no address, so nothing links against libcairo.
struct CairoLibrary {
#define FT_CAIRO_MEMBER(name) decltype(&::cairo_##name) name;
  FT_CAIRO_FUNCTIONS(FT_CAIRO_MEMBER)
#undef FT_CAIRO_MEMBER
};

inline constexpr const char* kCairoSoname = "libcairo.so.2";

// Opens `soname` and finds every function; nothing, and a sentence in
// `error`, when the library or one of its functions is missing.
std::optional<CairoLibrary> load_cairo_library(const char* soname, std::string& error);

// kCairoSoname, loaded once per process and kept.
const CairoLibrary* cairo_library(std::string& error);

}  // namespace ft
