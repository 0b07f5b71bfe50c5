// The flat payload reader must read every payload it accepts exactly as
// nlohmann reads it, and decline what it cannot (the store then asks nlohmann).
#include "terminal/core/payload.hpp"

#include <doctest/doctest.h>

using namespace ft;
using payload::FlatPayload;

namespace {
// Every field Json finds in `text` reads the same through FlatPayload.
void agrees(const std::string& text) {
  CAPTURE(text);
  FlatPayload flat;
  REQUIRE(flat.parse(text));
  const Json j = Json::parse(text);
  REQUIRE(j.is_object());
  for (const auto& [key, value] : j.items()) {
    CAPTURE(key);
    CHECK(flat.text(key) == payload::text(j, key.c_str()));
    CHECK(flat.integer(key) == payload::integer(j, key.c_str()));
    CHECK(flat.flag(key) == payload::flag(j, key.c_str()));
  }
  CHECK_FALSE(flat.text("no such key"));
}
}  // namespace

TEST_CASE("flat payloads read as nlohmann reads them") {
  agrees(R"({})");
  agrees(R"( { "trainee_id" : "t-1" , "day":"2026-03-02","time":"07:31" } )");
  agrees(R"({"name":"Åse Ærø-Ødegaard","level":4,"shared":true,"health":false,"note":null})");
  agrees(R"({"text":"quote \" backslash \\ slash \/ tab \t newline \n é \u00e6 \u00C5"})");
  agrees(R"({"emoji":"\ud83d\ude00 and 😀","arabic":"فاطمة","cyrillic":"Олена"})");
  agrees(R"({"n":-0,"m":-9223372036854775808,"big":9223372036854775807})");
  agrees(R"({"level":1,"level":3})");          // a key twice: the last one counts, as in nlohmann
}

TEST_CASE("payloads the flat reader declines are left to nlohmann") {
  FlatPayload flat;
  for (const char* text : {
           "",
           "[]",
           "\"just a string\"",
           "{",
           R"({"a":1,})",
           R"({"a":{"nested":1}})",
           R"({"a":[1,2]})",
           R"({"a":01})",
           R"({"a":1.})",
           R"({"a":tru})",
           R"({"a":"unterminated})",
           R"({"a":"\x"})",
           R"({"a":"\ud83d"})",         // a lone high surrogate
           R"({"a":"\ude00"})",         // a lone low surrogate
           "{\"a\":\"\xC3\"}",          // cut UTF-8
           "{\"a\":\"\xED\xA0\x80\"}",  // a surrogate encoded in UTF-8
           "{\"a\":\"raw\ncontrol\"}",
           R"({"a":18446744073709551616})",  // beyond 64 bits
           R"({"level":2.5,"s":"x"})",       // a fraction: ours never hold one
           R"({"e":1e3})",                   // an exponent
           R"({"td":1.2527e780555})",        // beyond a double: nlohmann refuses it
           R"({"a":1} trailing)",
       }) {
    CAPTURE(text);
    CHECK_FALSE(flat.parse(text));
    CHECK_FALSE(flat.text("a"));
  }
}

TEST_CASE("a reader reused from payload to payload forgets the previous one") {
  FlatPayload flat;
  REQUIRE(flat.parse(R"({"a":"first","b":"escaped \" one"})"));
  REQUIRE(flat.parse(R"({"c":"second"})"));
  CHECK_FALSE(flat.text("a"));
  CHECK_FALSE(flat.text("b"));
  CHECK(flat.text("c") == std::optional<std::string_view>("second"));
}
