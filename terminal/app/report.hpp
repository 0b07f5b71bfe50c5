// Reports for the jobcentre's follow-up meeting (opfølgningssamtale): the
// centre overview (one row per trainee) and one trainee's progress report,
// as CSV (UTF-8 that Danish Excel opens), JSON or PDF. The document is built
// once as data (ReportDoc) and then written in the chosen format.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "terminal/core/i18n.hpp"
#include "terminal/store/centre.hpp"

namespace ft {

struct ReportTable {
  std::string title;                       // empty for the main table
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
};

struct ReportDoc {
  std::string title;
  std::string author;                      // the centre: the PDF names who made it
  std::vector<std::pair<std::string, std::string>> facts;  // label, value (header block)
  std::vector<ReportTable> tables;
  std::vector<std::string> paragraphs_title;
  std::vector<std::string> paragraphs;                     // reasons and shared notes
  Json data;                                               // the same content for --format json
};

ReportDoc centre_report(Centre& centre, const Translations& tr);
// nullopt when the trainee is unknown.
std::optional<ReportDoc> trainee_report(Centre& centre, const std::string& trainee_id, const Translations& tr,
                                        bool include_health);

std::string report_csv(const ReportDoc& doc, const std::string& language);
// Writes a PDF with cairo, owner-only; returns an error sentence or "" on success.
std::string write_report_pdf(const ReportDoc& doc, const std::string& path);
// The same PDF as bytes (for a download); returns an error sentence or "".
std::string report_pdf(const ReportDoc& doc, std::string& pdf);

}  // namespace ft
