// Reports carry the internship agreement (issue 20): the centre overview a
// table of agreements after its roster, a trainee's report the agreement with
// its purpose; and free text that a spreadsheet would run as a formula is
// written as text.
#include <doctest/doctest.h>

#include <ctime>
#include <nlohmann/json.hpp>

#include "terminal/core/dates.hpp"
#include "tests/test_support.hpp"

using ft::test::TempDir;
using Json = nlohmann::json;

namespace {

std::string today_plus(int offset) {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  return ft::format_day(ft::day_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday) + offset);
}

// A trainee in internship with an agreement whose purpose starts with "=".
struct Placed {
  TempDir dir;
  std::string db = dir.file("centre.db");
  std::string trainee;
  Placed() {
    trainee = ft::test::last_line(ft::test::floor_terminal({"enrol", "--db", db, "--name", "Åse Ærø"}).out);
    ft::test::floor_terminal({"enrol", "--db", db, "--name", "Bo Bæk"});
    const std::string boss = ft::test::last_line(
        ft::test::floor_terminal({"add-staff", "--db", db, "--name", "Mette Holm", "--role", "supervisor", "--pin",
                                  "33333"})
            .out);
    REQUIRE(ft::test::floor_terminal({"host", "--db", db, "--name", "Elite Miljø A/S", "--cvr", "12345674", "--staff",
                                      "120"})
                .exit_code == 0);
    auto r = ft::test::floor_terminal({"stage", "--db", db, "--trainee", trainee, "--to", "internship", "--host",
                                       "12345674", "--start", today_plus(0), "--weeks", "8", "--hours", "30",
                                       "--purpose", "=HYPERLINK(\"http://x\";\"Kontor\")", "--as", boss, "--pin",
                                       "33333"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  }
};

}  // namespace

TEST_CASE("the centre overview CSV keeps its roster first and lists the internship agreements after it") {
  Placed c;
  const auto out = c.dir.file("overview.csv");
  auto r = ft::test::floor_terminal({"report", "--db", c.db, "--format", "csv", "--lang", "en", "--out", out});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  const std::string text = ft::test::read_file(out).substr(3);
  CHECK(text.rfind("Name,", 0) == 0);  // the roster's header row comes first, as before
  const auto at = text.find("Internship agreements\r\n");
  REQUIRE(at != std::string::npos);
  const std::string rest = text.substr(at);
  CHECK(rest.find("Name,Host company,CVR,Start,Weeks,Hours a week,Ends,Approved weeks,Days left\r\n") !=
        std::string::npos);
  CHECK(rest.find("Åse Ærø,Elite Miljø A/S,12345674," + today_plus(0) + ",8,30," + today_plus(55) +
                  ",awaiting approval,55\r\n") != std::string::npos);
  CHECK(rest.find("Bo Bæk") == std::string::npos);  // not in internship
}

TEST_CASE("a trainee's report carries the agreement with its purpose, written as text in a CSV") {
  Placed c;
  const auto csv = c.dir.file("trainee.csv");
  auto r = ft::test::floor_terminal(
      {"report", "--db", c.db, "--trainee", c.trainee, "--format", "csv", "--lang", "en", "--out", csv});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  const std::string text = ft::test::read_file(csv);
  CHECK(text.find("\r\nInternship agreement\r\n") != std::string::npos);
  CHECK(text.find("Hours a week,30\r\n") != std::string::npos);
  // The formula is text: an apostrophe leads it, and no cell starts with "=".
  CHECK(text.find("Purpose,\"'=HYPERLINK(\"\"http://x\"\";\"\"Kontor\"\")\"\r\n") != std::string::npos);
  CHECK(text.find(",=") == std::string::npos);
  CHECK(text.find("\n=") == std::string::npos);
  const auto pdf = c.dir.file("trainee.pdf");
  REQUIRE(ft::test::floor_terminal({"report", "--db", c.db, "--trainee", c.trainee, "--format", "pdf", "--out", pdf})
              .exit_code == 0);
  const auto pdf_text = ft::test::run({"/usr/bin/pdftotext", "-layout", pdf, "-"}).out;
  CHECK(pdf_text.find("Praktikaftale") != std::string::npos);
  CHECK(pdf_text.find("12345674") != std::string::npos);
  CHECK(pdf_text.find("afventer godkendelse") != std::string::npos);
}
