// The wire format's strict decoding and the backoff arithmetic, without a network.
#include <doctest/doctest.h>

#include <random>

#include "sync/client/backoff.hpp"
#include "sync/protocol/limits.hpp"
#include "sync/protocol/messages.hpp"

using namespace ft;
using namespace ft::sync;

namespace {
Event sample_event(std::int64_t seq) {
  Event e;
  e.event_id = "01890000-0000-7000-8000-00000000000" + std::to_string(seq % 10);
  e.terminal_id = "terminal-a";
  e.terminal_seq = seq;
  e.actor_id = "admin";
  e.hlc = 1000 + seq;
  e.wall_ms = 5;
  e.type = "CheckedIn";
  e.payload = Json{{"trainee_id", "t1"}, {"day", "2026-03-02"}, {"time", "07:31"}};
  return e;
}
}  // namespace

TEST_CASE("a body larger than the limit is refused before it is parsed") {
  std::string error;
  CHECK_FALSE(parse_strict(std::string(2000, ' ') + "{}", 1000, 32, error));
  CHECK(error.find("larger") != std::string::npos);
}

TEST_CASE("a bracket bomb is refused by depth, not by the stack") {
  std::string error;
  const std::string bomb = std::string(1'000'000, '[') + std::string(1'000'000, ']');
  CHECK_FALSE(parse_strict(bomb, 10'000'000, kMaxJsonDepth, error));
  CHECK(error.find("deeper") != std::string::npos);
  // Brackets inside strings do not count.
  CHECK(parse_strict(R"({"a":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["})", 1000, 4, error));
}

TEST_CASE("text that is not JSON, or not UTF-8, is refused with a sentence") {
  std::string error;
  CHECK_FALSE(parse_strict("{not json", 1000, 32, error));
  CHECK_FALSE(error.empty());
  CHECK_FALSE(parse_strict("{\"a\":\"\xff\xfe\"}", 1000, 32, error));
}

TEST_CASE("a push reply round-trips and every wrong field is named") {
  PushReply r;
  r.results = {{"01890000-0000-7000-8000-000000000001", PushStatus::Inserted, ""},
               {"01890000-0000-7000-8000-000000000002", PushStatus::Rejected, "bad payload"}};
  r.acked_seq = 2;
  r.high_seq = 2;
  r.server_time_ms = 1234;
  std::string error;
  auto back = decode_push_reply(encode(r), error);
  REQUIRE(back);
  CHECK(back->results.size() == 2);
  CHECK(back->results[1].status == PushStatus::Rejected);
  CHECK(back->results[1].reason == "bad payload");
  CHECK(back->acked_seq == 2);

  CHECK_FALSE(decode_push_reply(R"({"results":[],"acked_seq":"2","high_seq":0,"server_time_ms":1})", error));
  CHECK(error.find("acked_seq") != std::string::npos);
  CHECK_FALSE(decode_push_reply(R"({"results":[],"high_seq":0,"server_time_ms":1})", error));
  CHECK(error.find("acked_seq") != std::string::npos);
  CHECK_FALSE(decode_push_reply(R"({"results":[],"acked_seq":-1,"high_seq":0,"server_time_ms":1})", error));
  CHECK_FALSE(decode_push_reply(
      R"({"results":[],"acked_seq":18446744073709551615,"high_seq":0,"server_time_ms":1})", error));
  CHECK(error.find("range") != std::string::npos);
  CHECK_FALSE(decode_push_reply(
      R"({"results":[{"event_id":"x","status":"maybe"}],"acked_seq":1,"high_seq":0,"server_time_ms":1})", error));
  CHECK(error.find("status") != std::string::npos);
  CHECK_FALSE(decode_push_reply(R"([1,2,3])", error));
}

TEST_CASE("a pull page may not move the cursor backwards or claim more without moving") {
  std::string error;
  const std::string ev = event_to_json(sample_event(1)).dump();
  auto ok = decode_pull_reply(encode_pull_reply({ev}, 11, false, 0, 99), 10, error);
  REQUIRE(ok);
  CHECK(ok->events.size() == 1);
  CHECK(ok->next == 11);
  CHECK(ok->server_time_ms == 99);

  CHECK_FALSE(decode_pull_reply(encode_pull_reply({}, 9, false, 0, 1), 10, error));
  CHECK(error.find("backwards") != std::string::npos);
  CHECK_FALSE(decode_pull_reply(encode_pull_reply({}, 10, true, 0, 1), 10, error));
  CHECK_FALSE(decode_pull_reply(encode_pull_reply({ev}, 10, false, 0, 1), 10, error));
  // One bad event spoils the page: nothing of it is applied.
  Json bad = event_to_json(sample_event(2));
  bad["hlc"] = "soon";
  CHECK_FALSE(decode_pull_reply(encode_pull_reply({ev, bad.dump()}, 12, false, 0, 1), 10, error));
  CHECK(error.find("hlc") != std::string::npos);
  CHECK_FALSE(decode_pull_reply(R"({"events":{},"next":1,"more":false,"high_seq":0,"server_time_ms":1})", 0, error));
  CHECK_FALSE(decode_pull_reply(R"({"events":[],"next":1,"more":"no","high_seq":0,"server_time_ms":1})", 0, error));
}

TEST_CASE("an enrolment reply with a token that cannot go into a header is refused") {
  std::string error;
  EnrolReply r{"abc def", "terminal-a", "Floor A", 1};
  CHECK_FALSE(decode_enrol_reply(encode(r), error));
  r.token = "abcdef";
  CHECK(decode_enrol_reply(encode(r), error));
}

TEST_CASE("the server reads a push event by event and refuses a reserved terminal id at enrolment") {
  std::string error;
  Json bad = event_to_json(sample_event(2));
  bad.erase("payload");
  const std::string body = R"({"events":[)" + event_to_json(sample_event(1)).dump() + "," + bad.dump() + "]}";
  auto items = decode_push_request(body, error);
  REQUIRE(items);
  REQUIRE(items->size() == 2);
  CHECK((*items)[0].event);
  CHECK_FALSE((*items)[1].event);
  CHECK((*items)[1].terminal_seq == 2);
  CHECK((*items)[1].error.find("payload") != std::string::npos);

  std::string many = R"({"events":[)";
  for (size_t i = 0; i <= kMaxPushEvents; ++i) many += (i ? ",{}" : "{}");
  many += "]}";
  CHECK_FALSE(decode_push_request(many, error));
  CHECK_FALSE(decode_push_request(R"({"events":[]})", error));

  CHECK_FALSE(decode_enrol_request(R"({"code":"ABCD","terminal_id":"server"})", error));
  CHECK_FALSE(decode_enrol_request(R"({"code":"ABCD","terminal_id":"a b"})", error));
  CHECK(decode_enrol_request(R"({"code":"ABCD","terminal_id":"01890000-0000-7000-8000-000000000001"})", error));
}

TEST_CASE("an error body is read when well-formed and ignored otherwise") {
  auto e = decode_error(encode_error("unauthorized", "Join again."));
  REQUIRE(e);
  CHECK(e->code == "unauthorized");
  CHECK_FALSE(decode_error("<html>502 Bad Gateway</html>"));
}

TEST_CASE("backoff stays under the cap, grows with failures and honours Retry-After") {
  std::mt19937_64 random(42);
  BackoffPolicy p;
  for (int i = 0; i < 200; ++i) {
    CHECK(backoff_delay(p, 1, std::nullopt, random) <= p.base);
    CHECK(backoff_delay(p, 50, std::nullopt, random) <= p.cap);
    CHECK(backoff_delay(p, 1, 30, random) >= std::chrono::seconds(30));
  }
  // Full jitter: some waits after many failures are short, some long.
  std::chrono::milliseconds lo = p.cap, hi{0};
  for (int i = 0; i < 200; ++i) {
    auto d = backoff_delay(p, 20, std::nullopt, random);
    lo = std::min(lo, d);
    hi = std::max(hi, d);
  }
  CHECK(lo < std::chrono::minutes(1));
  CHECK(hi > std::chrono::minutes(3));
}
