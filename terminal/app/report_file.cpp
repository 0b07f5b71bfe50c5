// A report as a PDF file, owner-only (it names persons); see report.hpp. Here
// rather than in terminal/report because the owner-only writer is the
// terminal's (private_file.hpp); the server sends the bytes and writes none.
#include "terminal/app/private_file.hpp"
#include "terminal/report/report.hpp"

namespace ft {

std::string write_report_pdf(const ReportDoc& doc, const std::string& path) {
  std::string pdf;
  if (auto error = report_pdf(doc, pdf); !error.empty()) return error;
  std::string error;
  if (!write_private_file(path, pdf, error)) return "The report cannot be written to " + path + " (" + error + ")";
  return "";
}

}  // namespace ft
