// HTML escaping and the page frame; see html.hpp.
#include "sync/server/web/html.hpp"

#include "sync/server/web/security.hpp"

namespace ft::server::web {

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string csrf_field(const std::string& csrf) {
  return "<input type=\"hidden\" name=\"csrf\" value=\"" + escape(mask_secret(csrf)) + "\">";
}

std::string page(const PageFrame& f, const std::string& body_html, const Translations& tr) {
  std::string h = "<!DOCTYPE html>\n<html lang=\"" + escape(f.language) +
                  "\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                  "<title>" +
                  escape(f.title) + " – " + escape(tr("web.app_title")) +
                  "</title>\n"
                  "<link rel=\"stylesheet\" href=\"/web.css\">\n</head>\n<body>\n"
                  "<a class=\"skip\" href=\"#main\">" +
                  escape(tr("web.skip")) +
                  "</a>\n"
                  "<header class=\"top\"><div class=\"wrap\">"
                  "<a class=\"brand\" href=\"/\">" +
                  escape(tr("web.app_title")) + "</a>";
  if (!f.csrf.empty()) {
    h += "<div class=\"who\"><span>" + escape(f.user_line) +
         "</span>"
         "<form method=\"post\" action=\"/language\">" +
         csrf_field(f.csrf) + "<input type=\"hidden\" name=\"to\" value=\"" + (f.language == "da" ? "en" : "da") +
         "\">"
         "<input type=\"hidden\" name=\"back\" value=\"" +
         escape(f.here) +
         "\">"
         "<button type=\"submit\" class=\"link\">" +
         escape(tr("web.language")) +
         "</button></form>"
         "<form method=\"post\" action=\"/logout\">" +
         csrf_field(f.csrf) + "<button type=\"submit\">" + escape(tr("web.logout")) + "</button></form></div>";
  }
  h += "</div></header>\n<main id=\"main\" class=\"wrap\">\n";
  if (!f.back_href.empty())
    h += "<p class=\"back\"><a href=\"" + escape(f.back_href) + "\">← " + escape(f.back_label) + "</a></p>\n";
  h += "<h1>" + escape(f.title) + "</h1>\n" + body_html + "\n</main>\n</body>\n</html>\n";
  return h;
}

}  // namespace ft::server::web
