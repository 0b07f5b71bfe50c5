// HTML for the web view, server-rendered: escaping and the page around every
// view. Everything that came from the database or the request goes through
// escape() (names and notes may hold any characters, markup included); the
// page carries no inline script or style, so the Content-Security-Policy
// can forbid both (security.hpp).
#pragma once
#include <string>
#include <string_view>

#include "terminal/core/i18n.hpp"

namespace ft::server::web {

// & < > " ' as character references; safe in text and in quoted attributes.
std::string escape(std::string_view text);

struct PageFrame {
  std::string title;      // escaped here
  std::string language;   // "da" or "en": <html lang>
  std::string user_line;  // "" on the login page; escaped here
  std::string csrf;       // for the logout and language forms; "" when logged out
  std::string back_href;  // breadcrumb back, "" for none (a path we made, escaped here)
  std::string back_label;
  std::string here;  // this page's path: the language switch comes back to it
};

// The whole document: head, header with the user and the logout button, <main> holding `body_html`.
std::string page(const PageFrame& frame, const std::string& body_html, const Translations& tr);
// <input type=hidden name=csrf ...>
std::string csrf_field(const std::string& csrf);

}  // namespace ft::server::web
