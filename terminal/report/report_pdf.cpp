// The report as a PDF, drawn with cairo (text through fontconfig and FreeType,
// so æ ø å and every other letter come out as real, searchable text), which
// is opened here, at the first report (cairo_library.hpp).
// A4; the wide centre overview is landscape. Sections: text layout · tables · document.
#include <algorithm>
#include <functional>

#include "terminal/report/cairo_library.hpp"
#include "terminal/report/report.hpp"

namespace ft {

namespace {

constexpr double kMargin = 40;
constexpr double kFontSize = 9;
constexpr double kLineHeight = 12;
constexpr double kSmallestTableFont = 7;

struct Page {
  const CairoLibrary* cairo;  // the functions, opened at the first report
  cairo_surface_t* surface;
  cairo_t* cr;
  double width, height, y = kMargin;
  int number = 1;

  void font(bool bold, double size) {
    cairo->select_font_face(cr, "Noto Sans", CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo->set_font_size(cr, size);
  }
  double text_width(const std::string& s) {
    cairo_text_extents_t e;
    cairo->text_extents(cr, s.c_str(), &e);
    return e.x_advance;
  }
  void footer() {
    cairo->save(cr);  // a page break comes mid-table: the row after it keeps its own font
    font(false, 8);
    cairo->set_source_rgb(cr, 0.4, 0.4, 0.4);
    const std::string label = std::to_string(number);
    cairo->move_to(cr, width - kMargin - text_width(label), height - 20);
    cairo->show_text(cr, label.c_str());
    cairo->restore(cr);
  }
  // Starts a new page unless `space` fits on this one; true when it did.
  bool need(double space) {
    if (y + space <= height - kMargin) return false;
    footer();
    cairo->show_page(cr);
    ++number;
    y = kMargin;
    return true;
  }
  // Structure tags (tagged PDF): a screen reader reads headings, paragraphs
  // and table cells in this order, not glyphs in the order they were drawn.
  void begin(const char* tag) { cairo->tag_begin(cr, tag, ""); }
  void end(const char* tag) { cairo->tag_end(cr, tag); }

  void draw(const std::string& s, double x, double baseline) {
    cairo->move_to(cr, x, baseline);
    cairo->show_text(cr, s.c_str());
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

  void paragraph(const std::string& text, bool bold = false, double size = kFontSize, const char* tag = "P") {
    font(bold, size);
    begin(tag);
    for (const auto& l : wrap(text, width - 2 * kMargin)) {
      need(size + 4);
      y += size + 3;
      draw(l, kMargin, y);
    }
    end(tag);
    y += 3;
  }

  // ---- tables ----
  // The widest word of `text` (a date, "Rengøringsservice", "працевлаштування").
  double widest_word(const std::string& text) {
    double widest = 0;
    size_t start = 0;
    while (start <= text.size()) {
      size_t end = text.find_first_of(" \n", start);
      if (end == std::string::npos) end = text.size();
      if (end > start) widest = std::max(widest, text_width(text.substr(start, end - start)));
      start = end + 1;
    }
    return widest;
  }

  // Column widths at type `size`: every column at least as wide as its
  // widest word, so no word is cut (Polish and Ukrainian headings are long
  // words); the room left is shared by the longest content of each. When not
  // even the widest words fit side by side, `fits` is false and they share
  // the page by their width (and get cut).
  std::vector<double> column_widths(const ReportTable& t, double usable, double size, bool& fits) {
    const size_t n = t.columns.size();
    std::vector<double> least(n, 0), wanted(n, 0);
    for (size_t c = 0; c < n; ++c) {
      font(true, size);  // the header row is bold
      least[c] = widest_word(t.columns[c]) + 8;
      wanted[c] = std::min(220.0, text_width(t.columns[c]) + 8);
      font(false, size);
      for (const auto& r : t.rows)
        if (c < r.size()) {
          least[c] = std::max(least[c], std::min(220.0, widest_word(r[c].for_person()) + 8));
          wanted[c] = std::max(wanted[c], std::min(220.0, text_width(r[c].for_person()) + 8));
        }
      wanted[c] = std::max(wanted[c], least[c]);
    }
    double least_total = 0, wanted_total = 0;
    for (size_t c = 0; c < n; ++c) least_total += least[c], wanted_total += wanted[c];
    fits = least_total <= usable;
    std::vector<double> widths(n);
    for (size_t c = 0; c < n; ++c) {
      if (!fits)
        widths[c] = least[c] * usable / least_total;
      else if (wanted_total <= usable)  // every cell on one line: spread the spare room
        widths[c] = wanted[c] * usable / wanted_total;
      else  // the widest word, and a share of the rest by what the column wants beyond it
        widths[c] = least[c] + (wanted[c] - least[c]) * (usable - least_total) / (wanted_total - least_total);
    }
    return widths;
  }

  void table(const ReportTable& t) {
    if (!t.title.empty()) {
      need(60);
      y += 8;
      paragraph(t.title, true, 11, "H2");
    }
    const size_t n = t.columns.size();
    const double usable = width - 2 * kMargin;
    // Smaller type before cut words; at the smallest size words are cut to fit.
    double size = kFontSize;
    bool fits = false;
    std::vector<double> widths = column_widths(t, usable, size, fits);
    while (!fits && size > kSmallestTableFont) {
      size -= 0.5;
      widths = column_widths(t, usable, size, fits);
    }
    const double line_height = kLineHeight * size / kFontSize;
    // `repeat`: the headings again after a page break, drawn but not tagged
    // a second time, so a screen reader meets each heading row once.
    std::function<void(const std::vector<std::string>&, bool, bool)> draw_row;
    draw_row = [&](const std::vector<std::string>& cells, bool header, bool repeat) {
      font(header, size);
      std::vector<std::vector<std::string>> wrapped;
      size_t lines = 1;
      for (size_t c = 0; c < n; ++c) {
        wrapped.push_back(wrap(c < cells.size() ? cells[c] : "", widths[c] - 6));
        lines = std::max(lines, wrapped.back().size());
      }
      const double h = static_cast<double>(lines) * line_height + 4;
      if (need(h) && !header) {  // a table that goes on over a page break starts it with its headings again
        draw_row(t.columns, true, true);
        font(false, size);
      }
      if (!repeat) begin("TR");
      if (header) {
        cairo->set_source_rgb(cr, 0.90, 0.93, 0.96);
        cairo->rectangle(cr, kMargin, y, usable, h);
        cairo->fill(cr);
        cairo->set_source_rgb(cr, 0, 0, 0);
      }
      double x = kMargin;
      const char* cell_tag = header ? "TH" : "TD";
      for (size_t c = 0; c < n; ++c) {
        if (!repeat) begin(cell_tag);
        for (size_t l = 0; l < wrapped[c].size(); ++l)
          draw(wrapped[c][l], x + 3, y + line_height * static_cast<double>(l + 1));
        if (!repeat) end(cell_tag);
        x += widths[c];
      }
      if (!repeat) end("TR");
      y += h;
      cairo->set_source_rgb(cr, 0.8, 0.8, 0.8);
      cairo->move_to(cr, kMargin, y);
      cairo->line_to(cr, kMargin + usable, y);
      cairo->set_line_width(cr, 0.5);
      cairo->stroke(cr);
      cairo->set_source_rgb(cr, 0, 0, 0);
    };
    begin("Table");
    draw_row(t.columns, true, false);
    for (const auto& r : t.rows) {
      std::vector<std::string> shown;
      for (const auto& cell : r) shown.push_back(cell.for_person());
      draw_row(shown, false, false);
    }
    end("Table");
    y += 6;
  }
};

}  // namespace

// ---- document -------------------------------------------------------------------------------------

namespace {

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::string report_pdf(const ReportDoc& doc, std::string& pdf) {
  const bool landscape = !doc.tables.empty() && doc.tables.front().columns.size() > 6;
  const double w = landscape ? 842 : 595, h = landscape ? 595 : 842;
  std::string error;
  const CairoLibrary* cairo = cairo_library(error);
  if (!cairo) return error;
  pdf.clear();
  cairo_surface_t* surface = cairo->pdf_surface_create_for_stream(append_to_string, &pdf, w, h);
  if (cairo->surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    cairo->surface_destroy(surface);
    return "The report could not be started.";
  }
  cairo->pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, doc.title.c_str());
  cairo->pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, doc.author.c_str());
  cairo_t* cr = cairo->create(surface);
  Page page{cairo, surface, cr, w, h};
  page.begin("Document");
  page.paragraph(doc.title, true, 16, "H1");
  page.y += 4;
  for (const auto& [label, value] : doc.facts) page.paragraph(label + ": " + value.for_person());
  for (const auto& t : doc.tables) page.table(t);
  if (!doc.paragraphs.empty() || !doc.paragraphs_title.empty()) {
    page.need(40);
    page.y += 6;
    page.paragraph(doc.paragraphs_title.empty() ? "" : doc.paragraphs_title.front(), true, 11, "H2");
    for (const auto& p : doc.paragraphs) page.paragraph("• " + p.for_person());
  }
  page.end("Document");
  page.footer();
  cairo->show_page(cr);
  cairo->destroy(cr);
  cairo->surface_finish(surface);
  const auto status = cairo->surface_status(surface);
  cairo->surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) return "The report could not be finished: " + std::string(cairo->status_to_string(status));
  return "";
}


}  // namespace ft
