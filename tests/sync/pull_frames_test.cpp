// Pull pages made of shared zstd frames (sync/server/pull_frames.hpp) say
// exactly what plain pages say, to every terminal, from every cursor and at
// every page size; and a real terminal's libcurl decodes them. Runs on
// SQLite and, as sync_pull_frames_pg, on PostgreSQL.
#include <doctest/doctest.h>
#include <zstd.h>

#include <memory>
#include <set>

#include <httplib.h>

#include "sync/protocol/messages.hpp"
#include "sync/server/pull_frames.hpp"
#include "tests/sync/sync_fixture.hpp"

using namespace ft;
using namespace ft::test;
using ft::server::PullFrames;
using ft::server::SpanFrames;

namespace {

// zstd's own streaming decoder over every frame of the body; the number of
// frames it held goes to `frames`.
std::string unzstd_frames(const std::string& packed, int& frames) {
  frames = 0;
  for (size_t at = 0; at < packed.size(); ++frames) {
    const size_t size = ZSTD_findFrameCompressedSize(packed.data() + at, packed.size() - at);
    REQUIRE_FALSE(ZSTD_isError(size));
    at += size;
  }
  std::unique_ptr<ZSTD_DCtx, decltype(&ZSTD_freeDCtx)> d(ZSTD_createDCtx(), ZSTD_freeDCtx);
  ZSTD_inBuffer in{packed.data(), packed.size(), 0};
  std::string out, chunk(1 << 16, '\0');
  for (;;) {
    ZSTD_outBuffer o{chunk.data(), chunk.size(), 0};
    const size_t left = ZSTD_decompressStream(d.get(), &o, &in);
    REQUIRE_FALSE(ZSTD_isError(left));
    out.append(chunk.data(), o.pos);
    if (in.pos == in.size && o.pos < o.size) {
      CHECK(left == 0);  // the last frame ended
      return out;
    }
  }
}

struct Enrolled {
  std::string terminal_id, bearer;
};

Enrolled enrol(httplib::SSLClient& client, ServerProcess& server, const std::string& terminal_id,
               const std::string& centre_id = "") {
  const Json body{{"code", server.add_terminal(terminal_id, centre_id)}, {"terminal_id", terminal_id}};
  auto r = client.Post("/v1/terminals/enrol", body.dump(), "application/json");
  REQUIRE(r);
  REQUIRE(r->status == 200);
  return {terminal_id, "Bearer " + Json::parse(r->body).at("token").get<std::string>()};
}

// `count` check-ins of one trainee the terminal enrols first, numbered from `first_seq`.
std::vector<Event> day_of(const std::string& terminal_id, std::int64_t first_seq, int count) {
  std::vector<Event> out;
  const std::string trainee = "0190" + std::string(4, terminal_id.back()) + "-0000-7000-8000-000000000001";
  for (int i = 0; i < count; ++i) {
    Event e;
    const std::int64_t seq = first_seq + i;
    char id[40];
    std::snprintf(id, sizeof id, "01900000-0000-7000-8%03d-%012lld", static_cast<int>(terminal_id.back()),
                  static_cast<long long>(seq));
    e.event_id = id;
    e.terminal_id = terminal_id;
    e.terminal_seq = seq;
    e.actor_id = "admin";
    e.wall_ms = kMonday0730 + seq * 1000;
    e.hlc = e.wall_ms << 16;
    if (seq == 1) {
      e.type = ev::kTraineeEnrolled;
      e.payload = {{"trainee_id", trainee}, {"name", "Kursist Ærø " + terminal_id}, {"language", "da"},
                   {"stage", "centre"}, {"day", "2026-03-02"}};
    } else {
      e.type = ev::kCheckedIn;
      e.payload = {{"trainee_id", trainee}, {"day", "2026-03-02"}, {"time", "07:31"}};
    }
    out.push_back(std::move(e));
  }
  return out;
}

Json without_clock(Json page) {
  page.erase("server_time_ms");
  return page;
}

}  // namespace

TEST_CASE("pages of shared frames say what plain pages say, to every terminal, from every cursor") {
  use_test_timeouts_in_children();
  TempDir dir;
  ServerProcess server(dir.file("server.db"), pki(), dir.file("server.log"));
  server.start();
  httplib::SSLClient client("127.0.0.1", server.port());
  client.set_ca_cert_path(pki().ca.c_str());
  client.set_decompress(false);  // the bytes as they travel
  // Three terminals push interleaved batches of 37, so that spans (256 seq
  // values) hold the events of several, and the last ones of b and c alone;
  // d only pulls, so every span is whole for it. e, of another centre,
  // pushes runs of 296 now and then: spans in which the first centre has no
  // event at all, or only a few, lie between.
  const std::string other_centre = server.add_centre("Væksthuset Brande");
  std::vector<Enrolled> terminals{enrol(client, server, "frames-a"), enrol(client, server, "frames-b"),
                                  enrol(client, server, "frames-c"), enrol(client, server, "frames-d"),
                                  enrol(client, server, "frames-e", other_centre)};
  std::vector<std::int64_t> next_seq(terminals.size(), 1);
  for (int round = 0; round < 16; ++round)
    for (size_t t : {0, 1, 2, 4}) {
      if (round > 6 && t == 0) continue;
      if (t == 4 && round % 5 != 2) continue;
      const int count = t == 4 ? 296 : 37;
      auto events = day_of(terminals[t].terminal_id, next_seq[t], count);
      next_seq[t] += count;
      auto r = client.Post("/v1/events",
                           {{"Authorization", terminals[t].bearer},
                            {"Idempotency-Key", "k" + std::to_string(round)}},
                           sync::encode_push_request(events), "application/json");
      REQUIRE(r);
      REQUIRE_MESSAGE(r->status == 200, r->body);
    }
  const std::int64_t total = server.event_count();
  REQUIRE(total > 5 * PullFrames::kSpan);

  int most_frames = 0;
  for (const auto& t : terminals)
    for (std::int64_t after : {std::int64_t{0}, std::int64_t{1}, std::int64_t{255}, std::int64_t{256},
                               std::int64_t{300}, std::int64_t{511}, std::int64_t{700}, total})
      for (int limit : {1, 7, 100, 255, 500, 1000}) {
        CAPTURE(t.terminal_id);
        CAPTURE(after);
        CAPTURE(limit);
        const std::string path = "/v1/events?after=" + std::to_string(after) + "&limit=" + std::to_string(limit);
        auto plain = client.Get(path, {{"Authorization", t.bearer}});
        auto framed = client.Get(path, {{"Authorization", t.bearer}, {"Accept-Encoding", "zstd"}});
        REQUIRE(plain);
        REQUIRE(framed);
        REQUIRE(plain->status == 200);
        REQUIRE(framed->status == 200);
        CHECK(framed->get_header_value("Content-Encoding") == "zstd");
        int frames = 0;
        const Json a = Json::parse(unzstd_frames(framed->body, frames)), b = Json::parse(plain->body);
        CHECK(without_clock(a) == without_clock(b));
        for (const auto& e : a.at("events")) CHECK(e.at("terminal_id") != t.terminal_id);
        if (t.terminal_id != "frames-e")  // the first centre's terminals see none of the other's
          for (const auto& e : a.at("events")) CHECK(e.at("terminal_id") != "frames-e");
        most_frames = std::max(most_frames, frames);
      }
  // Shared frames were really sent: a long page is several frames.
  CHECK(most_frames > 3);

  // A terminal's own libcurl decodes the frames one after another.
  const std::string kiosk = dir.file("kiosk.db");
  auto joined = floor_terminal({"join", "--db", kiosk, "--server", server.url(), "--ca", pki().ca, "--code",
                                server.add_terminal("Gulv 4")});
  REQUIRE_MESSAGE(joined.exit_code == 0, joined.err);
  auto synced = floor_terminal({"sync", "--db", kiosk});
  REQUIRE_MESSAGE(synced.exit_code == 0, synced.err);
  // What it holds is its centre's log: all that d (which pushed nothing) is given, page by page.
  std::set<std::string> centre_log;
  for (std::int64_t after = 0;;) {
    auto page = client.Get("/v1/events?after=" + std::to_string(after) + "&limit=1000", {{"Authorization", terminals[3].bearer}});
    REQUIRE(page);
    const Json j = Json::parse(page->body);
    for (const auto& e : j.at("events")) centre_log.insert(e.at("event_id").get<std::string>());
    after = j.at("next").get<std::int64_t>();
    if (!j.at("more").get<bool>()) break;
  }
  CHECK(centre_log.size() > 5 * PullFrames::kSpan);
  CHECK(Terminal(kiosk, kMonday0730).event_ids() == centre_log);
}

TEST_CASE("the frame cache keeps to its budget, the most recently used last out") {
  PullFrames frames(3000);
  auto span = [](char fill) {
    SpanFrames s;
    s.count = 1;
    s.first = std::make_shared<const std::string>(400, fill);
    s.after_comma = std::make_shared<const std::string>(400, fill);
    return s;
  };
  auto a = frames.keep("centre", 0, span('a'));
  frames.keep("centre", 1, span('b'));
  frames.keep("centre", 2, span('c'));
  REQUIRE(frames.find("centre", 0));  // used: now the newest
  frames.keep("centre", 3, span('d'));
  CHECK(frames.bytes() <= 3000);
  CHECK(frames.find("centre", 0));
  CHECK_FALSE(frames.find("centre", 1));  // the least recently used went
  CHECK(frames.find("centre", 3));
  CHECK_FALSE(frames.find("other centre", 0));
  // A span kept twice (two pulls made it at once) is the first one kept.
  CHECK(frames.keep("centre", 0, span('x'))->first->front() == 'a');
  CHECK(a->first->front() == 'a');  // a page still sending it keeps it whatever the cache does
  // Emptied when the database connection is made anew (a restored or promoted database).
  frames.clear();
  CHECK(frames.bytes() == 0);
  CHECK_FALSE(frames.find("centre", 0));
  CHECK(a->first->front() == 'a');
}
