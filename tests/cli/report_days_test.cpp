// Days in the reports: in words in the PDF, which people read ("9. juli 2026",
// "9 July 2026"), ISO in the CSV, which spreadsheets read; and a person's own
// note exactly as written, ISO days in it included. The report is built in
// process from a trainee with fixed days, so every day in it is known.
#include <doctest/doctest.h>

#include <fstream>

#include "terminal/report/report.hpp"
#include "tests/test_support.hpp"

using ft::test::TempDir;

namespace {

const char* const kNote = "Ringede 2026-07-09 om mødetid, ny samtale 2026-07-16.";

ft::Translations language(const char* lang) {
  std::string error;
  auto tr =
      ft::parse_translations(lang, ft::test::read_file(ft::test::asset(std::string("i18n/") + lang + ".json")), error);
  REQUIRE_MESSAGE(tr, error);
  return *tr;
}

// In the centre since 1 July 2026, with one shared note of 9 July; the report is made on 20 July.
struct OneTrainee {
  ft::Trainee trainee;
  ft::ReportSource source;
  OneTrainee() {
    trainee.id = "t1";
    trainee.enrolled = true;
    trainee.name.value = "Åse Ærø";
    trainee.enrolled_day = *ft::parse_day("2026-07-01");
    ft::StageChange to_centre;
    to_centre.day = *ft::parse_day("2026-07-01");
    to_centre.to = ft::Stage::Centre;
    trainee.stages.push_back(to_centre);
    ft::Note note;
    note.day = *ft::parse_day("2026-07-09");
    note.by = "s1";
    note.text = kNote;
    note.shared = true;
    trainee.notes.push_back(note);
    source.centre_name = "Træningscenter Ikast";
    source.today = *ft::parse_day("2026-07-20");
    source.catalogue = &ft::test::catalogue();
    source.trainees = {&trainee};
    source.staff_name = [](const std::string&) { return std::string("Mette Holm"); };
  }
  ft::ReportDoc report(const ft::Translations& tr) const { return *ft::trainee_report(source, "t1", tr, false); }
};

std::string pdf_text(const ft::ReportDoc& doc, const TempDir& dir) {
  std::string bytes;
  const auto error = ft::report_pdf(doc, bytes);
  REQUIRE_MESSAGE(error.empty(), error);
  const auto path = dir.file("report.pdf");
  std::ofstream(path, std::ios::binary) << bytes;
  const auto text = ft::test::run({"/usr/bin/pdftotext", "-layout", path, "-"});
  REQUIRE_MESSAGE(text.exit_code == 0, text.err);
  return text.out;
}

size_t count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("a trainee's PDF words its days in Danish and English and leaves the note's own days as written") {
  TempDir dir;
  const OneTrainee one;
  const std::string da = pdf_text(one.report(language("da")), dir);
  CHECK(da.find("Periode: 1. juli 2026 – 20. juli 2026") != std::string::npos);
  CHECK(da.find("Dato: 20. juli 2026") != std::string::npos);
  CHECK(da.find("1. juli 2026") != da.rfind("1. juli 2026"));  // the period, and the stage history's row
  CHECK(da.find("9. juli 2026 (Mette Holm): " + std::string(kNote)) != std::string::npos);
  // The only ISO days left are the two the person wrote in the note.
  CHECK(count(da, "2026-07-") == 2);

  const std::string en = pdf_text(one.report(language("en")), dir);
  CHECK(en.find("Period: 1 July 2026 – 20 July 2026") != std::string::npos);
  CHECK(en.find("Date: 20 July 2026") != std::string::npos);
  CHECK(en.find("9 July 2026 (Mette Holm): " + std::string(kNote)) != std::string::npos);
  CHECK(count(en, "2026-07-") == 2);
}

TEST_CASE("the same trainee's CSV keeps every day ISO, the note as written") {
  const OneTrainee one;
  const std::string da = ft::report_csv(one.report(language("da")), "da");
  CHECK(da.find("\r\nPeriode;2026-07-01 – 2026-07-20\r\n") != std::string::npos);
  CHECK(da.find("\r\nDato;2026-07-20\r\n") != std::string::npos);
  CHECK(da.find("\r\n2026-07-01;Træningscenter;\r\n") != std::string::npos);
  CHECK(da.find("\r\n2026-07-09 (Mette Holm): " + std::string(kNote) + "\r\n") != std::string::npos);
  CHECK(da.find("juli") == std::string::npos);
  const std::string en = ft::report_csv(one.report(language("en")), "en");
  // The note holds a comma, so the English CSV quotes it.
  CHECK(en.find("\r\n\"2026-07-09 (Mette Holm): " + std::string(kNote) + "\"\r\n") != std::string::npos);
  CHECK(en.find("July") == std::string::npos);
}
