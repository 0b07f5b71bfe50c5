// What the program writes for others to open is safe to open: reports read
// by LibreOffice Calc itself (headless) hold no formula, whatever a name or a
// host was typed as, and keep numbers as numbers; report and export files are
// owner-only whatever the umask; the PDFs are tagged for screen readers and
// name the centre as author.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <regex>

#include "terminal/app/report.hpp"
#include "tests/test_support.hpp"

using ft::test::floor_terminal;
using ft::test::last_line;
using ft::test::run;
using ft::test::TempDir;

namespace {

// Texts a spreadsheet would run: a sum, a link that sends the click away, a
// function call, a phone number with a plus, a name with a dash.
const std::vector<std::string> kHostile = {"=1+2", "@SUM(1;2)", "+45 9999 0000", "-Anna Ærø",
                                           "=HYPERLINK(\"http://example.invalid/\";\"klik\")"};

// Converts each CSV to flat ODS with Calc; `filter` names separator and locale.
// Returns the converted XML of each, in the same order.
std::vector<std::string> through_calc(const TempDir& dir, const std::vector<std::string>& csvs, const std::string& filter) {
  std::vector<std::string> argv{"/usr/bin/soffice", "-env:UserInstallation=file://" + dir.file("lo-profile"), "--headless",
                                "--infilter=" + filter, "--convert-to", "fods", "--outdir", dir.file("calc")};
  argv.insert(argv.end(), csvs.begin(), csvs.end());
  const auto r = run(argv);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  std::vector<std::string> out;
  for (const auto& csv : csvs) {
    const auto fods = dir.file("calc") + "/" + std::filesystem::path(csv).stem().string() + ".fods";
    REQUIRE_MESSAGE(std::filesystem::exists(fods), (fods + "\n" + r.out + r.err));
    out.push_back(ft::test::read_file(fods));
  }
  return out;
}

int count(const std::string& text, const std::string& what) {
  int n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The cell Calc made of a text, as <table:table-cell ...><text:p>TEXT</text:p>.
std::string cell_of(const std::string& xml, const std::string& shown) {
  const auto at = xml.find("<text:p>" + shown + "</text:p>");
  if (at == std::string::npos) return "";
  return xml.substr(xml.rfind("<table:table-cell", at), at - xml.rfind("<table:table-cell", at));
}

mode_t mode_of(const std::string& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

// floor-terminal under the usual umask of a desktop session.
ft::test::RunResult under_umask_022(const std::vector<std::string>& args) {
  std::vector<std::string> argv{"/bin/sh", "-c", "umask 022; exec \"$0\" \"$@\"", ft::test::binary("floor-terminal")};
  argv.insert(argv.end(), args.begin(), args.end());
  return run(argv);
}

struct HostileCentre {
  TempDir dir;
  std::string db = dir.file("centre.db");
  std::vector<std::string> trainees;
  HostileCentre() {
    const auto boss = last_line(
        floor_terminal({"add-staff", "--db", db, "--name", "Mette Holm", "--role", "supervisor", "--pin", "33333"}).out);
    for (const auto& name : kHostile) {
      auto r = floor_terminal({"enrol", "--db", db, "--name", name});
      REQUIRE_MESSAGE(r.exit_code == 0, (name + ": " + r.err));
      trainees.push_back(last_line(r.out));
    }
    // A host typed as a link: it reaches the overview's host column and the stage history.
    auto r = floor_terminal({"stage", "--db", db, "--trainee", trainees[0], "--to", "internship", "--host",
                             "=HYPERLINK(\"http://example.invalid/\";\"Elite\")", "--as", boss, "--pin", "33333"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  }
};

}  // namespace

TEST_CASE("names and hosts typed as formulas reach Calc as text, in Danish and English, overview and trainee") {
  HostileCentre c;
  std::vector<std::string> danish, english;
  for (const std::string lang : {"da", "en"}) {
    auto& list = lang == "da" ? danish : english;
    const auto overview = c.dir.file("overview-" + lang + ".csv");
    auto r = floor_terminal({"report", "--db", c.db, "--format", "csv", "--out", overview, "--lang", lang});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    list.push_back(overview);
    for (size_t i = 0; i < c.trainees.size(); ++i) {
      const auto one = c.dir.file("trainee-" + std::to_string(i) + "-" + lang + ".csv");
      r = floor_terminal({"report", "--db", c.db, "--trainee", c.trainees[i], "--format", "csv", "--out", one, "--lang", lang});
      REQUIRE_MESSAGE(r.exit_code == 0, r.err);
      list.push_back(one);
    }
  }
  // 59 ';' or 44 ',', 34 '"', 76 UTF-8, from line 1, in the report's own locale.
  auto calc = through_calc(c.dir, danish, "CSV:59,34,76,1,,1030");
  const auto calc_en = through_calc(c.dir, english, "CSV:44,34,76,1,,1033");
  calc.insert(calc.end(), calc_en.begin(), calc_en.end());
  for (size_t i = 0; i < calc.size(); ++i) {
    CAPTURE(i);
    CHECK(count(calc[i], "table:formula") == 0);
    // The overview and the first trainee's report (host) and the last's (name) hold the link, as text.
    const size_t in_language = i % danish.size();
    if (in_language == 0 || in_language == 1 || in_language == kHostile.size())
      CHECK(calc[i].find("example.invalid") != std::string::npos);
  }
  // The overview's skill counts are two numeric columns: 0 at target of the catalogue's required.
  const std::string& overview_en = calc[danish.size()];
  CHECK(overview_en.find("Skills required") != std::string::npos);
  CHECK(count(overview_en, "office:value-type=\"float\" office:value=\"0\"") >= static_cast<int>(kHostile.size()));
  CHECK(overview_en.find("/30") == std::string::npos);
}

TEST_CASE("a CSV keeps numbers, negative ones and decimal commas included, as numbers in Calc") {
  TempDir dir;
  ft::ReportDoc doc;
  doc.tables.push_back({"", {"text", "whole", "negative", "decimal", "negative decimal"},
                        {{"=1+2", "7", "-3", "2,5", "-12,5"}, {"-", "0", "-0", "10,0", "-1,0"}}});
  const auto csv = dir.file("numbers.csv");
  std::string error;
  {
    std::FILE* f = std::fopen(csv.c_str(), "wb");
    REQUIRE(f);
    const auto text = ft::report_csv(doc, "da");
    std::fwrite(text.data(), 1, text.size(), f);
    std::fclose(f);
  }
  const auto xml = through_calc(dir, {csv}, "CSV:59,34,76,1,,1030").front();
  CHECK(count(xml, "table:formula") == 0);
  CHECK(xml.find("office:value=\"-3\"") != std::string::npos);
  CHECK(xml.find("office:value=\"2.5\"") != std::string::npos);
  CHECK(xml.find("office:value=\"-12.5\"") != std::string::npos);
  CHECK(xml.find("office:value=\"7\"") != std::string::npos);
  CHECK(cell_of(xml, "&apos;=1+2").find("string") != std::string::npos);
  CHECK(cell_of(xml, "&apos;-").find("string") != std::string::npos);
}

TEST_CASE("reports and exports are born owner-only under the usual umask, and an old wider file is narrowed") {
  HostileCentre c;
  const auto csv = c.dir.file("overview.csv"), json = c.dir.file("overview.json"), pdf = c.dir.file("t.pdf"),
             pdf_overview = c.dir.file("overview.pdf"), exported = c.dir.file("person.json");
  // A file from before, readable by everyone: writing the report into it narrows it.
  {
    std::FILE* f = std::fopen(json.c_str(), "wb");
    REQUIRE(f);
    std::fclose(f);
    REQUIRE(::chmod(json.c_str(), 0644) == 0);
  }
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"report", "--db", c.db, "--format", "csv", "--out", csv},
           {"report", "--db", c.db, "--format", "json", "--out", json},
           {"report", "--db", c.db, "--format", "pdf", "--out", pdf_overview},
           {"report", "--db", c.db, "--trainee", c.trainees[1], "--format", "pdf", "--out", pdf},
           {"export-person", "--db", c.db, "--trainee", c.trainees[1], "--out", exported}}) {
    const auto r = under_umask_022(args);
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  }
  for (const auto& path : {csv, json, pdf, pdf_overview, exported}) {
    CAPTURE(path);
    CHECK(mode_of(path) == 0600);
  }
}

TEST_CASE("the PDF reports are tagged for screen readers and name the centre as their author") {
  HostileCentre c;
  const auto pdf = c.dir.file("overview.pdf"), one = c.dir.file("one.pdf");
  REQUIRE(floor_terminal({"report", "--db", c.db, "--format", "pdf", "--out", pdf}).exit_code == 0);
  REQUIRE(floor_terminal({"report", "--db", c.db, "--trainee", c.trainees[3], "--format", "pdf", "--out", one})
              .exit_code == 0);
  for (const auto& path : {pdf, one}) {
    const auto info = run({"/usr/bin/pdfinfo", path});
    REQUIRE(info.exit_code == 0);
    CHECK(std::regex_search(info.out, std::regex("Tagged:\\s+yes")));
    CHECK(std::regex_search(info.out, std::regex("Author:\\s+\\S")));
    const auto tags = run({"/usr/bin/pdfinfo", "-struct", path});
    REQUIRE(tags.exit_code == 0);
    for (const char* tag : {"H1", "Table", "TR", "TH", "TD", "P"}) CHECK_MESSAGE(tags.out.find(tag) != std::string::npos, tag);
  }
}
