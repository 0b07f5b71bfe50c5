// Reports for the jobcentre's follow-up meeting (opfølgningssamtale): the
// centre overview (one row per trainee) and one trainee's progress report,
// as CSV (UTF-8 that Danish Excel opens), JSON or PDF. The document is built
// once as data (ReportDoc) and then written in the chosen format.
//
// One implementation for both places that make them: `floor-terminal report`
// reads a terminal's database, the municipal server's web view its
// projection; each hands the same ReportSource in, so a report from the
// town hall reads as the one made on the floor (issue 19).
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "terminal/core/catalogue.hpp"
#include "terminal/core/event.hpp"
#include "terminal/core/i18n.hpp"
#include "terminal/core/rules.hpp"
#include "terminal/core/state.hpp"

namespace ft {

// A fact, cell or paragraph: `text` as the CSV writes it (days ISO, which a
// spreadsheet reads as dates) and, when it holds a day, `words` as the PDF
// shows it to a person ("9. juli 2026"). Only report.cpp, where a day is put
// in, words it: a person's own note is never searched for days.
struct ReportCell {
  std::string text;
  std::string words;  // "" when a person reads `text` as it is
  ReportCell(std::string text_ = "") : text(std::move(text_)) {}
  ReportCell(const char* text_) : text(text_) {}
  const std::string& for_person() const { return words.empty() ? text : words; }
};

struct ReportTable {
  std::string title;                       // empty for the main table
  std::vector<std::string> columns;
  std::vector<std::vector<ReportCell>> rows;
};

struct ReportDoc {
  std::string title;
  std::string author;                      // the centre: the PDF names who made it
  std::vector<std::pair<std::string, ReportCell>> facts;  // label, value (header block)
  std::vector<ReportTable> tables;
  std::vector<std::string> paragraphs_title;
  std::vector<ReportCell> paragraphs;  // reasons and shared notes
  Json data;                           // the same content for --format json
};

// What a report is made from: one centre's folded trainees, judged by core's progress().
struct ReportSource {
  std::string centre_name;
  Day today = 0;
  const Catalogue* catalogue = nullptr;
  Rules rules;
  int capacity = 0, in_centre = 0;
  std::vector<const Trainee*> trainees;  // enrolled or not; the reports leave out the not enrolled
  // The name of the staff member who wrote a note; "" when not known (then the note goes without it).
  std::function<std::string(const std::string& staff_id)> staff_name;
};

ReportDoc centre_report(const ReportSource& source, const Translations& tr);
// nullopt when the trainee is unknown.
std::optional<ReportDoc> trainee_report(const ReportSource& source, const std::string& trainee_id,
                                        const Translations& tr, bool include_health);

std::string report_csv(const ReportDoc& doc, const std::string& language);
// Writes a PDF with cairo; returns an error sentence or "" on success.
// Owner-only; terminal/app/report_file.cpp (the server writes no report to disk).
std::string write_report_pdf(const ReportDoc& doc, const std::string& path);
// The same PDF as bytes (for a download); returns an error sentence or "".
std::string report_pdf(const ReportDoc& doc, std::string& pdf);

}  // namespace ft
