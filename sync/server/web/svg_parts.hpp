// The pieces every SVG picture of the web view is made of: numbers with one
// decimal, the opening <svg> with its accessible title, and a line of text.
// Presentation attributes only: no style attribute, no script (the CSP
// forbids both). The pictures share one viewBox width so they line up.
#pragma once
#include <cstdio>
#include <string>

#include "sync/server/web/html.hpp"

namespace ft::server::web::svg {

constexpr double kWidth = 720, kLeft = 10, kRight = 710;

inline std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// `desc`, when given, is read by screen readers after the title: the picture's facts in words.
inline std::string open_svg(double height, const std::string& title, const std::string& id,
                            const std::string& desc = "") {
  std::string h = "<svg class=\"chart\" viewBox=\"0 0 " + num(kWidth) + " " + num(height) +
                  "\" role=\"img\" aria-labelledby=\"" + id + "\"" +
                  (desc.empty() ? std::string() : " aria-describedby=\"" + id + "-desc\"") +
                  " xmlns=\"http://www.w3.org/2000/svg\"><title id=\"" + id + "\">" + escape(title) + "</title>";
  if (!desc.empty()) h += "<desc id=\"" + id + "-desc\">" + escape(desc) + "</desc>";
  return h;
}

inline std::string text(double x, double y, const std::string& s, const char* anchor = "start",
                        const char* fill = "#1a1a1a") {
  return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" font-size=\"13\" text-anchor=\"" + anchor + "\" fill=\"" +
         fill + "\">" + escape(s) + "</text>";
}

}  // namespace ft::server::web::svg
