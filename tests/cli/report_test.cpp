// Reports, backup and export-person through the command line, read back with
// real tools (pdfinfo/pdftotext from poppler-utils, sqlite through our store).
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "terminal/core/day_words.hpp"
#include "terminal/report/cairo_library.hpp"
#include "tests/test_support.hpp"

using ft::test::run;
using ft::test::TempDir;
using Json = nlohmann::json;

namespace {

struct Centre {
  TempDir dir;
  std::string db = dir.file("centre.db");
  std::string trainee, supervisor;
  Centre() {
    trainee = ft::test::last_line(
        ft::test::floor_terminal({"enrol", "--db", db, "--name", "Åse Ærø-Ødegaard", "--pin", "2468"}).out);
    ft::test::floor_terminal({"enrol", "--db", db, "--name", "Bo \"Bølle\" Olsen; jr."});
    supervisor = ft::test::last_line(ft::test::floor_terminal({"add-staff", "--db", db, "--name", "Mette Holm",
                                                               "--role", "supervisor", "--pin", "33333"})
                                         .out);
    ft::test::floor_terminal({"checkin", "--db", db, "--trainee", trainee, "--pin", "2468"});
    ft::test::floor_terminal({"stage", "--db", db, "--trainee", trainee, "--to", "internship", "--host",
                              "Elite Miljø A/S", "--as", supervisor, "--pin", "33333"});
  }
};

std::vector<std::vector<std::string>> parse_csv(const std::string& text, char sep) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
        rows.back().back() += '"', ++i;
      else if (c == '"')
        quoted = false;
      else
        rows.back().back() += c;
    } else if (c == '"')
      quoted = true;
    else if (c == sep)
      rows.back().emplace_back();
    else if (c == '\r')
      continue;
    else if (c == '\n')
      rows.emplace_back(1);
    else
      rows.back().back() += c;
  }
  if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
  return rows;
}
}  // namespace

TEST_CASE("floor-terminal does not link cairo: a PDF report opens it, and a missing one is a sentence") {
  // The kiosk never draws a PDF, so cairo, pixman and fontconfig stay out of its process.
  const auto dynamic = run({"/usr/bin/readelf", "-d", ft::test::binary("floor-terminal")});
  REQUIRE(dynamic.exit_code == 0);
  CHECK(dynamic.out.find("(NEEDED)") != std::string::npos);
  CHECK(dynamic.out.find("libcairo") == std::string::npos);
  CHECK(dynamic.out.find("libpixman") == std::string::npos);

  std::string error;
  const auto cairo = ft::load_cairo_library(ft::kCairoSoname, error);
  REQUIRE_MESSAGE(cairo, error);
  std::string bytes;
  auto append = [](void* out, const unsigned char* data, unsigned int n) {
    static_cast<std::string*>(out)->append(reinterpret_cast<const char*>(data), n);
    return CAIRO_STATUS_SUCCESS;
  };
  cairo_surface_t* surface = cairo->pdf_surface_create_for_stream(append, &bytes, 595, 842);
  CHECK(cairo->surface_status(surface) == CAIRO_STATUS_SUCCESS);
  cairo->surface_finish(surface);
  CHECK(bytes.rfind("%PDF-", 0) == 0);
  cairo->surface_destroy(surface);
  CHECK(std::string(cairo->status_to_string(CAIRO_STATUS_NO_MEMORY)).size() > 5);

  CHECK_FALSE(ft::load_cairo_library("libcairo-that-is-not-here.so.2", error));
  CHECK(error.find("libcairo-that-is-not-here.so.2") != std::string::npos);
  CHECK(error.find("install libcairo2") != std::string::npos);
}

TEST_CASE("the centre overview CSV is UTF-8 with a BOM, semicolons in Danish, a row per trainee") {
  Centre c;
  const auto out = c.dir.file("overview.csv");
  auto r = ft::test::floor_terminal({"report", "--db", c.db, "--format", "csv", "--out", out});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  const auto text = ft::test::read_file(out);
  REQUIRE(text.rfind("\xEF\xBB\xBF", 0) == 0);
  const auto rows = parse_csv(text.substr(3), ';');
  REQUIRE(rows.size() == 3);
  CHECK(rows[0][0] == "Navn");
  CHECK(rows[0].size() == 12);
  CHECK(rows[1][0] == "Bo \"Bølle\" Olsen; jr.");
  CHECK(rows[2][0] == "Åse Ærø-Ødegaard");
  CHECK(rows[2][1] == "Praktik");
  CHECK(rows[2][2] == "Elite Miljø A/S");
  for (const auto& row : rows) CHECK(row.size() == 12);
  auto en = ft::test::floor_terminal({"report", "--db", c.db, "--format", "csv", "--lang", "en", "--out", out});
  REQUIRE(en.exit_code == 0);
  CHECK(parse_csv(ft::test::read_file(out).substr(3), ',')[0][0] == "Name");
}

TEST_CASE("the PDF reports are valid PDFs whose text reads back with æ ø å") {
  Centre c;
  const auto overview = c.dir.file("overview.pdf");
  const auto one = c.dir.file("trainee.pdf");
  REQUIRE(ft::test::floor_terminal({"report", "--db", c.db, "--format", "pdf", "--out", overview}).exit_code == 0);
  REQUIRE(ft::test::floor_terminal({"report", "--db", c.db, "--trainee", c.trainee, "--format", "pdf", "--out", one})
              .exit_code == 0);
  for (const auto& pdf : {overview, one}) {
    auto info = run({"/usr/bin/pdfinfo", pdf});
    REQUIRE_MESSAGE(info.exit_code == 0, info.err);
    CHECK(info.out.find("Pages:") != std::string::npos);
  }
  const auto text = run({"/usr/bin/pdftotext", "-layout", one, "-"}).out;
  CHECK(text.find("Forløbsrapport til opfølgningssamtale") != std::string::npos);
  CHECK(text.find("Åse Ærø-Ødegaard") != std::string::npos);
  CHECK(text.find("Elite Miljø A/S") != std::string::npos);
  CHECK(text.find("Daglig rengøring af kontorer og lokaler") != std::string::npos);
}

TEST_CASE("the centre overview PDF of the demo centre cuts no word: stages, dates and headings read whole") {
  TempDir dir;
  const auto db = dir.file("demo.db");
  REQUIRE(ft::test::floor_terminal({"seed-demo", "--db", db}).exit_code == 0);
  const auto pdf = dir.file("overview.pdf");
  REQUIRE(ft::test::floor_terminal({"report", "--db", db, "--format", "pdf", "--out", pdf}).exit_code == 0);
  const auto text = run({"/usr/bin/pdftotext", "-layout", pdf, "-"}).out;
  const Json status = Json::parse(ft::test::floor_terminal({"status", "--db", db, "--json"}).out);
  // Each start reads in Danish words ("18. august 2026"), whole on one line of its narrow
  // column, and no longer as ISO.
  std::string error;
  const auto da = ft::parse_translations("da", ft::test::read_file(ft::test::asset("i18n/da.json")), error);
  REQUIRE_MESSAGE(da, error);
  size_t in_centre = 0, started = 0;
  for (const auto& t : status["trainees"]) {
    if (t["stage"] == "centre") ++in_centre;
    if (!t["started"].is_string()) continue;
    ++started;
    const std::string iso = t["started"].get<std::string>();
    const std::string words = ft::day_in_words(*da, *ft::parse_day(iso));
    CHECK_MESSAGE(text.find(words) != std::string::npos, words);
    CHECK_MESSAGE(text.find(iso) == std::string::npos, iso);
  }
  CHECK(started > 5);
  size_t found = 0;
  for (size_t at = text.find("Træningscenter"); at != std::string::npos; at = text.find("Træningscenter", at + 1))
    ++found;
  CHECK(found >= in_centre + 1);  // each trainee in the centre, and the centre's own name
  for (const char* heading : {"Startdato", "Jobgaranti", "Værtsvirksomhed"})
    CHECK(text.find(heading) != std::string::npos);
}

TEST_CASE("a trainee's PDF report in Ukrainian or Polish names the skills from the catalogue in that language") {
  Centre c;
  const auto pdf = c.dir.file("uk.pdf");
  for (const auto& [lang, skill] : {std::pair{"uk", "Миття вікон"}, std::pair{"pl", "Mycie okien"}}) {
    CAPTURE(lang);
    auto r = ft::test::floor_terminal(
        {"report", "--db", c.db, "--trainee", c.trainee, "--format", "pdf", "--lang", lang, "--out", pdf});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const auto text = run({"/usr/bin/pdftotext", "-layout", pdf, "-"}).out;
    CHECK(text.find(skill) != std::string::npos);
    CHECK(text.find("Vinduespolering") == std::string::npos);
    CHECK(text.find("Åse Ærø-Ødegaard") != std::string::npos);
  }
}

TEST_CASE("reports in Polish and Ukrainian: PDF headings and CSV header in the language, semicolons and decimal commas") {
  Centre c;
  const auto en = Json::parse(ft::test::read_file(ft::test::asset("i18n/en.json")));
  const auto pdf = c.dir.file("r.pdf");
  const auto csv = c.dir.file("r.csv");
  for (const char* lang : {"pl", "uk"}) {
    CAPTURE(lang);
    const auto tr = Json::parse(ft::test::read_file(ft::test::asset(std::string("i18n/") + lang + ".json")));
    // The expected words come from the language's own file and must differ
    // from English, so a report that fell back to English fails.
    auto word = [&](const char* key) {
      CAPTURE(key);
      REQUIRE(tr.contains(key));
      CHECK(tr[key] != en[key]);
      return tr[key].get<std::string>();
    };
    auto r = ft::test::floor_terminal({"report", "--db", c.db, "--trainee", c.trainee, "--format", "pdf", "--lang", lang, "--out", pdf});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    auto text = run({"/usr/bin/pdftotext", "-layout", pdf, "-"}).out;
    for (const char* key : {"report.trainee_title", "report.attendance", "report.stage_history", "report.reasons",
                            "report.col.measure", "stage.internship", "report.expected_days"}) {
      CAPTURE(key);
      CHECK(text.find(word(key)) != std::string::npos);
    }
    CHECK(text.find("Åse Ærø-Ødegaard") != std::string::npos);

    r = ft::test::floor_terminal({"report", "--db", c.db, "--format", "pdf", "--lang", lang, "--out", pdf});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    text = run({"/usr/bin/pdftotext", "-layout", pdf, "-"}).out;
    CHECK(text.find(word("report.centre_title")) != std::string::npos);
    // The overview's narrow columns keep every word whole ("працевлаштування",
    // "rozpoczęcia"): each heading word reads back unbroken.
    for (const char* key : {"report.col.status", "report.col.started", "report.col.months", "report.col.rate_total"}) {
      const std::string heading = word(key);
      for (size_t start = 0, end = 0; start < heading.size(); start = end + 1) {
        end = std::min(heading.find(' ', start), heading.size());
        const std::string one = heading.substr(start, end - start);
        CAPTURE(one);
        CHECK(text.find(one) != std::string::npos);
      }
    }

    r = ft::test::floor_terminal({"report", "--db", c.db, "--format", "csv", "--lang", lang, "--out", csv});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const auto csv_text = ft::test::read_file(csv);
    REQUIRE(csv_text.rfind("\xEF\xBB\xBF", 0) == 0);
    const auto rows = parse_csv(csv_text.substr(3), ';');
    REQUIRE(rows.size() == 3);
    REQUIRE(rows[0].size() == 12);
    CHECK(rows[0][0] == word("report.col.name"));
    CHECK(rows[0][1] == word("report.col.stage"));
    CHECK(rows[0][10] == word("report.col.status"));
    CHECK(rows[2][0] == "Åse Ærø-Ødegaard");
    CHECK(rows[2][1] == word("stage.internship"));
    CHECK(rows[2][4] == "0,0");  // months in the course, with the decimal comma
  }
  // --help names the four languages; a language the terminal lacks is refused and writes no file.
  CHECK(ft::test::floor_terminal({"--help"}).out.find("--out FILE [--lang da|en|pl|uk] [--health]") != std::string::npos);
  const auto none = c.dir.file("de.csv");
  auto de = ft::test::floor_terminal({"report", "--db", c.db, "--format", "csv", "--lang", "de", "--out", none});
  CHECK(de.exit_code == 1);
  CHECK(de.err == "The language de is not available.\n");
  CHECK_FALSE(std::filesystem::exists(none));
}

TEST_CASE("the trainee report JSON holds shared notes, and health notes only when asked") {
  Centre c;
  const auto out = c.dir.file("r.json");
  REQUIRE(ft::test::floor_terminal({"report", "--db", c.db, "--trainee", c.trainee, "--format", "json", "--out", out})
              .exit_code == 0);
  const auto j = Json::parse(ft::test::read_file(out));
  CHECK(j["trainee"]["name"] == "Åse Ærø-Ødegaard");
  CHECK(j["stages"].size() == 2);
  CHECK(j["skills"].size() == 30);
  auto unknown =
      ft::test::floor_terminal({"report", "--db", c.db, "--trainee", "nobody", "--format", "json", "--out", out});
  CHECK(unknown.exit_code == 1);
  CHECK(unknown.err == "There is no trainee with id nobody.\n");
}

TEST_CASE("backup and restore round-trip, and the backup is 0600") {
  Centre c;
  const auto backup = c.dir.file("backup.db");
  auto r = ft::test::floor_terminal({"backup", "--db", c.db, "--out", backup});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  struct stat st {};
  REQUIRE(stat(backup.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(ft::test::floor_terminal({"backup", "--db", c.db, "--out", backup}).exit_code == 2);  // never overwrites
  const auto before = ft::test::floor_terminal({"status", "--db", c.db, "--json"}).out;
  // Restore: the backup is itself a database the terminal opens.
  const auto restored = c.dir.file("restored.db");
  std::filesystem::copy_file(backup, restored);
  CHECK(ft::test::floor_terminal({"verify", "--db", restored}).exit_code == 0);
  CHECK(ft::test::floor_terminal({"status", "--db", restored, "--json"}).out == before);
}

TEST_CASE("export-person gives a person everything held about them, without PIN hashes") {
  Centre c;
  const auto out = c.dir.file("person.json");
  auto r = ft::test::floor_terminal({"export-person", "--db", c.db, "--trainee", c.trainee, "--out", out});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  const auto text = ft::test::read_file(out);
  const auto j = Json::parse(text);
  CHECK(j["profile"]["name"] == "Åse Ærø-Ødegaard");
  CHECK(j["profile"]["pin_set"] == true);
  CHECK(j["events"].size() == 3);  // enrolled, checked in, stage changed
  CHECK(text.find("argon2") == std::string::npos);
  CHECK(text.find("Bølle") == std::string::npos);  // nothing about anyone else
}
