// The report as a PDF, drawn with cairo (text through fontconfig and FreeType,
// so æ ø å and every other letter come out as real, searchable text).
// A4; the wide centre overview is landscape. Sections: text layout · tables · document.
#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <functional>

#include "terminal/app/report.hpp"

namespace ft {

namespace {

constexpr double kMargin = 40;
constexpr double kFontSize = 9;
constexpr double kLineHeight = 12;

struct Page {
  cairo_surface_t* surface;
  cairo_t* cr;
  double width, height, y = kMargin;
  int number = 1;

  void font(bool bold, double size) {
    cairo_select_font_face(cr, "Noto Sans", CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
  }
  double text_width(const std::string& s) {
    cairo_text_extents_t e;
    cairo_text_extents(cr, s.c_str(), &e);
    return e.x_advance;
  }
  void footer() {
    cairo_save(cr);  // a page break comes mid-table: the row after it keeps its own font
    font(false, 8);
    cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
    const std::string label = std::to_string(number);
    cairo_move_to(cr, width - kMargin - text_width(label), height - 20);
    cairo_show_text(cr, label.c_str());
    cairo_restore(cr);
  }
  // Starts a new page unless `space` fits on this one; true when it did.
  bool need(double space) {
    if (y + space <= height - kMargin) return false;
    footer();
    cairo_show_page(cr);
    ++number;
    y = kMargin;
    return true;
  }
  void draw(const std::string& s, double x, double baseline) {
    cairo_move_to(cr, x, baseline);
    cairo_show_text(cr, s.c_str());
  }

  // ---- text layout ----
  // Greedy word wrap into lines no wider than `width_limit`; over-long words are cut by code point.
  std::vector<std::string> wrap(const std::string& text, double width_limit) {
    std::vector<std::string> lines;
    std::string line, word;
    auto flush_word = [&] {
      if (word.empty()) return;
      const std::string candidate = line.empty() ? word : line + " " + word;
      if (text_width(candidate) <= width_limit) {
        line = candidate;
      } else {
        if (!line.empty()) lines.push_back(line);
        line.clear();
        while (text_width(word) > width_limit && word.size() > 1) {  // cut a long word
          size_t cut = word.size();
          while (cut > 1 && text_width(word.substr(0, cut)) > width_limit) {
            --cut;
            while (cut > 1 && (static_cast<unsigned char>(word[cut]) & 0xc0) == 0x80) --cut;
          }
          lines.push_back(word.substr(0, cut));
          word = word.substr(cut);
        }
        line = word;
      }
      word.clear();
    };
    for (char c : text) {
      if (c == ' ' || c == '\n') flush_word();
      else word += c;
      if (c == '\n') {
        lines.push_back(line);
        line.clear();
      }
    }
    flush_word();
    if (!line.empty() || lines.empty()) lines.push_back(line);
    return lines;
  }

  void paragraph(const std::string& text, bool bold = false, double size = kFontSize) {
    font(bold, size);
    for (const auto& l : wrap(text, width - 2 * kMargin)) {
      need(size + 4);
      y += size + 3;
      draw(l, kMargin, y);
    }
    y += 3;
  }

  // ---- tables ----
  void table(const ReportTable& t) {
    if (!t.title.empty()) {
      need(60);
      y += 8;
      paragraph(t.title, true, 11);
    }
    const size_t n = t.columns.size();
    const double usable = width - 2 * kMargin;
    // Column widths as a browser lays out a table: each column at least as
    // wide as its longest word (so "Træningscenter" or a date is never cut),
    // and the room left shared by how much more each column's text wants.
    std::vector<double> least(n, 0), wanted(n, 0);
    auto measure = [&](size_t c, const std::string& text, bool bold) {
      font(bold, kFontSize);
      size_t start = 0;
      while (start <= text.size()) {
        const size_t end = std::min(text.find_first_of(" \n", start), text.size());
        least[c] = std::max(least[c], text_width(text.substr(start, end - start)) + 8);
        start = end + 1;
      }
      wanted[c] = std::max(wanted[c], std::min(220.0, text_width(text) + 8));
    };
    for (size_t c = 0; c < n; ++c) {
      measure(c, t.columns[c], true);
      for (const auto& r : t.rows)
        if (c < r.size()) measure(c, r[c], false);
    }
    double least_total = 0, extra_total = 0;
    for (size_t c = 0; c < n; ++c) {
      wanted[c] = std::max(wanted[c], least[c]);
      least_total += least[c];
      extra_total += wanted[c] - least[c];
    }
    std::vector<double> widths(n);
    for (size_t c = 0; c < n; ++c) {
      if (least_total >= usable)  // too many long words: scale down, words get cut
        widths[c] = least[c] * usable / least_total;
      else if (extra_total > 0)
        widths[c] = least[c] + (wanted[c] - least[c]) * std::min(1.0, (usable - least_total) / extra_total);
      else
        widths[c] = least[c];
    }
    std::function<void(const std::vector<std::string>&, bool)> draw_row;
    draw_row = [&](const std::vector<std::string>& cells, bool header) {
      font(header, kFontSize);
      std::vector<std::vector<std::string>> wrapped;
      size_t lines = 1;
      for (size_t c = 0; c < n; ++c) {
        wrapped.push_back(wrap(c < cells.size() ? cells[c] : "", widths[c] - 6));
        lines = std::max(lines, wrapped.back().size());
      }
      const double h = static_cast<double>(lines) * kLineHeight + 4;
      if (need(h) && !header) {  // a table that goes on over a page break starts it with its headings again
        draw_row(t.columns, true);
        font(false, kFontSize);
      }
      if (header) {
        cairo_set_source_rgb(cr, 0.90, 0.93, 0.96);
        cairo_rectangle(cr, kMargin, y, usable, h);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 0, 0, 0);
      }
      double x = kMargin;
      for (size_t c = 0; c < n; ++c) {
        for (size_t l = 0; l < wrapped[c].size(); ++l) draw(wrapped[c][l], x + 3, y + kLineHeight * static_cast<double>(l + 1));
        x += widths[c];
      }
      y += h;
      cairo_set_source_rgb(cr, 0.8, 0.8, 0.8);
      cairo_move_to(cr, kMargin, y);
      cairo_line_to(cr, kMargin + usable, y);
      cairo_set_line_width(cr, 0.5);
      cairo_stroke(cr);
      cairo_set_source_rgb(cr, 0, 0, 0);
    };
    draw_row(t.columns, true);
    for (const auto& r : t.rows) draw_row(r, false);
    y += 6;
  }
};

}  // namespace

// ---- document -------------------------------------------------------------------------------------

std::string write_report_pdf(const ReportDoc& doc, const std::string& path) {
  const bool landscape = !doc.tables.empty() && doc.tables.front().columns.size() > 6;
  const double w = landscape ? 842 : 595, h = landscape ? 595 : 842;
  cairo_surface_t* surface = cairo_pdf_surface_create(path.c_str(), w, h);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(surface);
    return "The report cannot be written to " + path + ".";
  }
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, doc.title.c_str());
  cairo_t* cr = cairo_create(surface);
  Page page{surface, cr, w, h};
  page.paragraph(doc.title, true, 16);
  page.y += 4;
  for (const auto& [label, value] : doc.facts) page.paragraph(label + ": " + value);
  for (const auto& t : doc.tables) page.table(t);
  if (!doc.paragraphs.empty() || !doc.paragraphs_title.empty()) {
    page.need(40);
    page.y += 6;
    page.paragraph(doc.paragraphs_title.empty() ? "" : doc.paragraphs_title.front(), true, 11);
    for (const auto& p : doc.paragraphs) page.paragraph("• " + p);
  }
  page.footer();
  cairo_show_page(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const auto status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) return "The report could not be finished: " + std::string(cairo_status_to_string(status));
  return "";
}

}  // namespace ft
