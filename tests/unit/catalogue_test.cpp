// The skills catalogue: a label per language, the fallback to English then
// Danish, the strict parse that refuses a catalogue without Danish or English,
// and the real assets/skills.json with Polish and Ukrainian for every label.
#include <doctest/doctest.h>

#include <set>

#include "terminal/core/catalogue.hpp"
#include "tests/test_support.hpp"

using namespace ft;

namespace {

// One category and one skill; `labels` goes into both as extra fields.
std::string catalogue_with(const std::string& labels) {
  return R"({"categories": [{"key": "hygiene", "icon": "water")" + labels +
         R"(}], "skills": [{"key": "hand-hygiene", "category": "hygiene", "icon": "water", "scale": "trade",
         "required": true, "target": 3)" +
         labels + "}]}";
}

}  // namespace

TEST_CASE("a label per language, and a language a label lacks reads English, then Danish") {
  std::string error;
  auto c = parse_catalogue(catalogue_with(R"(, "da": "Håndhygiejne", "en": "Hand hygiene", "uk": "Гігієна рук")"),
                           error);
  REQUIRE_MESSAGE(c, error);
  const Skill& s = c->skills.at(0);
  CHECK(s.labels.size() == 3);
  CHECK(s.label("da") == "Håndhygiejne");
  CHECK(s.label("uk") == "Гігієна рук");
  CHECK(s.label("pl") == "Hand hygiene");  // no Polish: English
  CHECK(s.label("") == "Hand hygiene");
  CHECK(c->categories.at(0).label("uk") == "Гігієна рук");
  CHECK(c->categories.at(0).label("de") == "Hand hygiene");
  // Only when English is missing too does Danish answer (a hand-built catalogue; the parser requires both).
  CHECK(label_in(Labels{{"da", "Håndhygiejne"}}, "pl") == "Håndhygiejne");
}

TEST_CASE("a catalogue without Danish or English, or with an empty label, is refused with a sentence") {
  std::string error;
  CHECK_FALSE(parse_catalogue(catalogue_with(R"(, "en": "Hand hygiene", "uk": "Гігієна рук")"), error));
  CHECK(error == "skills catalogue: category 'hygiene': 'da' must be a non-empty text");
  CHECK_FALSE(parse_catalogue(catalogue_with(R"(, "da": "Håndhygiejne")"), error));
  CHECK(error == "skills catalogue: category 'hygiene': 'en' must be a non-empty text");
  CHECK_FALSE(parse_catalogue(catalogue_with(R"(, "da": "Håndhygiejne", "en": "Hand hygiene", "pl": "")"), error));
  CHECK(error == "skills catalogue: category 'hygiene': 'pl' must be a non-empty text");
  CHECK_FALSE(parse_catalogue(catalogue_with(R"(, "da": "Håndhygiejne", "en": "Hand hygiene", "uk": 7)"), error));
  CHECK(error == "skills catalogue: category 'hygiene': 'uk' must be a non-empty text");
  // Fields that are not language codes are no labels ("icon", "key", "version", ...).
  auto c = parse_catalogue(catalogue_with(R"(, "da": "Håndhygiejne", "en": "Hand hygiene", "note": 1)"), error);
  REQUIRE_MESSAGE(c, error);
  CHECK(c->skills.at(0).labels.size() == 2);
}

TEST_CASE("the catalogue names every category and skill in Danish, English, Polish and Ukrainian") {
  const Catalogue& c = test::catalogue();
  CHECK(c.skills.size() == 30);
  CHECK(c.categories.size() == 6);
  auto check = [](const std::string& key, const Labels& labels) {
    CAPTURE(key);
    std::set<std::string> distinct;
    for (const char* lang : {"da", "en", "pl", "uk"}) {
      CAPTURE(lang);
      REQUIRE(labels.count(lang));
      distinct.insert(labels.at(lang));
    }
    CHECK(distinct.size() == 4);  // not a copy of another language
    // Ukrainian in Cyrillic: its first letter is in U+0400..U+04FF (two UTF-8 bytes from 0xD0).
    const auto& uk = labels.at("uk");
    CHECK((static_cast<unsigned char>(uk[0]) == 0xD0 || static_cast<unsigned char>(uk[0]) == 0xD1));
  };
  for (const auto& cat : c.categories) check(cat.key, cat.labels);
  for (const auto& s : c.skills) check(s.key, s.labels);
  CHECK(c.find("ppe")->label("pl") == "Środki ochrony indywidualnej");
  CHECK(c.find("ppe")->label("uk") == "Засоби індивідуального захисту");
}
