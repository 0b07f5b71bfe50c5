// Issue 22, "What the floor found": the ten defects met by using the kiosk as
// trainees, instructors and supervisors do, each driven the way it was found
// (taps, and reader bursts of digits and Enter) through the headless driver,
// with the result read back from the SQLite file or from what was drawn.
//
// Sections: helpers · 1-2 cards on a PIN pad, names on the shared screen ·
// 3 group assessment · 4 screens that block the queue · 5 lockout · 6 the
// attention list · 7 the board's language · 8 my page's scroll · 9 small
// things · 10 duplicate badges.
#include <doctest/doctest.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>

#include "terminal/core/progress.hpp"
#include "terminal/store/centre_database.hpp"
#include "terminal/ui/facts.hpp"
#include "tests/ui/driver.hpp"

using ft::test::UiDriver;
using ft::ui::ScreenId;

namespace {

constexpr std::int64_t kSecond = 1000;
constexpr std::int64_t kMinute = 60 * kSecond;

void tap_pin(UiDriver& d, const std::string& prefix, const std::string& digits) {
  for (char c : digits) REQUIRE(d.tap(prefix + ".key." + c));
}

std::string enrol_waiting(UiDriver& d, const std::string& name, const std::string& badge) {
  ft::Enrol e;
  e.name = name;
  e.pin = "1234";
  e.badge = badge;
  e.waitlist = true;
  ft::Outcome out = d.centre->execute(e, ft::local_admin());
  REQUIRE(out.ok());
  d.frame();
  return out.new_id;
}

// A card as the reader types it between frames: the first digits in one
// frame, the rest and Enter 20 ms later.
void scan_split(UiDriver& d, const std::string& badge) {
  d.reader_burst(badge.substr(0, 2));
  d.advance(20);
  d.reader_burst(badge.substr(2) + "\r");
}

std::uint32_t codepoint_of(const std::string& utf8) {
  const auto* s = reinterpret_cast<const unsigned char*>(utf8.data());
  if (utf8.empty()) return 0;
  if (s[0] < 0x80) return s[0];
  if ((s[0] & 0xE0) == 0xC0) return ((s[0] & 0x1F) << 6) | (s[1] & 0x3F);
  if ((s[0] & 0xF0) == 0xE0) return ((s[0] & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
  return ((s[0] & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) | (s[3] & 0x3F);
}

// Where the last frame drew this glyph of this font (the top-left corner of
// each quad, with its colour): read from the draw data the frame rendered.
struct GlyphDrawn {
  ImVec2 pos;
  ImU32 colour;
};
std::vector<GlyphDrawn> glyphs_drawn(ImFont* font, const std::string& utf8) {
  std::vector<GlyphDrawn> out;
  const ImFontGlyph* g = font->FindGlyphNoFallback(ImWchar(codepoint_of(utf8)));
  if (!g) return out;
  const ImDrawData* dd = ImGui::GetDrawData();
  for (int l = 0; l < dd->CmdListsCount; ++l)
    for (const ImDrawVert& v : dd->CmdLists[l]->VtxBuffer)
      if (v.uv.x == g->U0 && v.uv.y == g->V0) out.push_back({v.pos, v.col});
  return out;
}
bool inside(const ImVec2& p, const ft::ui::TargetRect& r) {
  return p.x >= r.min.x && p.x <= r.max.x && p.y >= r.min.y && p.y <= r.max.y;
}

// The scroll of the child window whose name holds `id` (ImGui names a child
// "parent/id_HASH").
float scroll_of(const std::string& id) {
  for (ImGuiWindow* w : GImGui->Windows)
    if (std::string(w->Name).find(id) != std::string::npos && w->Active) return w->Scroll.y;
  return -1;
}

std::string staff_named(UiDriver& d, const std::string& name) {
  for (const auto& [id, s] : d.centre->state().staff)
    if (s.name.value == name) return id;
  FAIL("no staff member " << name);
  return "";
}

}  // namespace

// ---- 1-2 cards on a PIN pad, names on the shared screen ---------------------------------------------

TEST_CASE("22.1 an unknown card scanned over a refused card's screen never becomes a wrong PIN for anyone") {
  UiDriver d;
  d.enrol("Bo Kristensen", "1234", "1001");
  const std::string signe = enrol_waiting(d, "Signe Bæk-Andersen", "1005");
  d.scan_card("1005");  // on the waiting list: refused
  REQUIRE(d.ui->session.screen == ScreenId::Pin);
  scan_split(d, "4242");  // a card nobody has
  CHECK(d.ui->session.pin.digits.empty());
  d.press_enter();
  d.reader_burst("\r");
  if (d.visible("pin.ok")) d.tap("pin.ok");
  CHECK(ft::test::reopen(d)->attempts(signe).failures == 0);
  // The unknown card is said where it was scanned, not only on the board.
  scan_split(d, "4243");
  CHECK(d.visible("notice.banner"));
}

TEST_CASE("22.1 an unknown card on a trainee's PIN pad says so there and counts nothing against them") {
  UiDriver d;
  const std::string bo = d.enrol("Bo Kristensen", "1234", "1001");
  REQUIRE(d.tap("board.tile." + bo));
  REQUIRE(d.ui->session.screen == ScreenId::Pin);
  scan_split(d, "777777");
  CHECK(d.ui->session.pin.digits.empty());
  CHECK(d.visible("notice.banner"));
  d.press_enter();
  CHECK(ft::test::reopen(d)->attempts(bo).failures == 0);
}

TEST_CASE("22.2 a refused card shows first name and initial only, and no PIN pad that cannot help") {
  UiDriver d;
  enrol_waiting(d, "Signe Bæk-Andersen", "1005");
  d.scan_card("1005");
  d.frames(2);
  CHECK(d.ui->pin_message().find("Bæk-Andersen") == std::string::npos);
  CHECK(d.ui->pin_message().find("Signe B.") != std::string::npos);
  CHECK_FALSE(d.visible("pin.key.1"));
  CHECK_FALSE(d.visible("pin.ok"));
  CHECK(d.ui->overflows.empty());
}

// ---- 3 group assessment -----------------------------------------------------------------------------

TEST_CASE("22.3 logging a skill for a group shows everyone's level and never lowers one without asking") {
  UiDriver d;
  const std::string jens = d.add_staff("Jens Kristensen", ft::Role::Instructor);
  const std::string bo = d.enrol("Bo Kristensen");
  const std::string aase = d.enrol("Åse Ærø-Ødegaard");
  const std::string nour = d.enrol("Nour Haddad");
  REQUIRE(d.centre->execute(ft::Assess{{aase}, "windows", 4, ""}, ft::Actor{jens, ft::Role::Instructor}).ok());
  d.frame();
  d.login(jens);
  for (const auto& id : {bo, aase, nour}) REQUIRE(d.tap("assess.trainee." + id));
  REQUIRE(d.tap("assess.next"));
  REQUIRE(d.tap("assess.skill.windows"));
  for (const auto& id : {bo, aase, nour}) CHECK(d.visible("assess.current." + id));  // each one's level, or none yet
  REQUIRE(d.tap("assess.level.3"));
  REQUIRE(d.tap("assess.save"));
  auto latest = [&](const std::string& id) {
    const auto reopened = ft::test::reopen(d);  // kept while its assessments are read through pointers
    auto l = reopened->state().trainee(id)->latest_assessments();
    return l.count("windows") ? l.at("windows")->level : 0;
  };
  CHECK(latest(aase) == 4);  // not lowered without a word
  CHECK(latest(bo) == 0);    // nothing saved before the answer
  REQUIRE(d.visible("assess.lower.skip"));
  CHECK(d.visible("assess.lower.all"));
  REQUIRE(d.tap("assess.lower.skip"));  // the others get level 3, Åse keeps her 4
  CHECK(latest(aase) == 4);
  CHECK(latest(bo) == 3);
  CHECK(latest(nour) == 3);
  CHECK(d.ui->overflows.empty());
}

// ---- 4 screens that block the queue -----------------------------------------------------------------

TEST_CASE("22.4 the double-tap, refusal and morning-question screens give the board back after a few seconds") {
  UiDriver d;
  const std::string bo = d.enrol("Bo Kristensen", "1234", "1001");
  enrol_waiting(d, "Signe Bæk-Andersen", "1005");
  d.scan_card("1001");
  d.advance(kMinute);
  d.scan_card("1001");
  REQUIRE(d.ui->session.screen == ScreenId::DoubleTap);
  d.advance(12 * kSecond);
  d.frames(2);
  CHECK(d.ui->session.screen == ScreenId::Board);

  d.scan_card("1005");
  REQUIRE(d.ui->session.screen == ScreenId::Pin);
  d.advance(12 * kSecond);
  d.frames(2);
  CHECK(d.ui->session.screen == ScreenId::Board);

  d.advance(24 * 60 * kMinute);  // the next morning: no check-out yesterday
  d.frames(2);
  d.scan_card("1001");
  REQUIRE(d.ui->session.screen == ScreenId::MorningQuestion);
  d.advance(5 * kSecond);
  d.frames(2);
  CHECK(d.ui->session.screen == ScreenId::MorningQuestion);  // still being read
  d.advance(8 * kSecond);
  d.frames(2);
  CHECK(d.ui->session.screen == ScreenId::Board);
  CHECK(ft::test::checked_in_today(*ft::test::reopen(d), bo));  // the check-in itself stands
}

// ---- 5 lockout ----------------------------------------------------------------------------------------

TEST_CASE("22.5 a locked trainee's tile says so at once, and that the pause ends by itself") {
  UiDriver d;
  const std::string bo = d.enrol("Bo Kristensen", "1234");
  for (int i = 0; i < d.env->rules.pin_attempts; ++i) {
    if (d.ui->session.screen != ScreenId::Pin) REQUIRE(d.tap("board.tile." + bo));
    tap_pin(d, "pin", "9999");
    REQUIRE(d.tap("pin.ok"));
  }
  REQUIRE(d.ui->session.screen == ScreenId::LockoutHelp);
  d.ui->go_home();
  d.frames(2);
  REQUIRE(d.tap("board.tile." + bo));
  CHECK(d.ui->session.screen == ScreenId::LockoutHelp);
  CHECK_FALSE(d.visible("pin.key.1"));
  CHECK(d.visible("lockout.ends"));
}

// ---- 6 the attention list ------------------------------------------------------------------------------

TEST_CASE("22.6 the attention list: lines open their trainee, those in need come first, one colour per severity") {
  UiDriver d(ImVec2(1920, 1080), ft::test::demo_db(), ft::test::real_now_ms());
  d.login(staff_named(d, "Mette Holm"), "33333");
  REQUIRE(d.ui->session.screen == ScreenId::Dashboard);
  d.frames(2);
  const ft::State& s = d.centre->state();
  auto light = [&](const std::string& id) {
    return ft::ui::light_of(ft::progress(*s.trainee(id), d.centre->catalogue(), d.centre->rules(), d.centre->today()));
  };
  auto need = [](ft::ui::Light l) { return l == ft::ui::Light::Red ? 2 : l == ft::ui::Light::Amber ? 1 : 0; };

  // Rows: ordered by need, then as before.
  std::vector<std::pair<float, std::string>> rows;
  for (const auto& [id, r] : d.ui->targets.rects)
    if (id.rfind("dashboard.row.", 0) == 0) rows.push_back({r.min.y, id.substr(14)});
  std::sort(rows.begin(), rows.end());
  REQUIRE(rows.size() > 3);
  for (size_t i = 1; i < rows.size(); ++i) {
    INFO(rows[i - 1].second, " above ", rows[i].second);
    CHECK(need(light(rows[i - 1].second)) >= need(light(rows[i].second)));
  }

  // Alerts: one colour per severity, the same as the trainee's dot.
  ImFont* body = d.ui->fonts.body;
  int risk_lines = 0;
  for (const auto& [id, r] : d.ui->targets.rects) {
    if (id.rfind("dashboard.alert.", 0) != 0 || id.find(".risk") == std::string::npos) continue;
    const std::string trainee = id.substr(16, id.find(".risk") - 16);
    for (const auto& g : glyphs_drawn(body, d.ui->icon("alert-circle")))
      if (inside(g.pos, r)) {
        ++risk_lines;
        CHECK(g.colour == ft::ui::light_colour(light(trainee)));
      }
  }
  CHECK(risk_lines > 0);

  // A line opens its trainee.
  std::string line;
  for (const auto& [id, r] : d.ui->targets.rects)
    if (id.rfind("dashboard.alert.", 0) == 0 && !r.clipped) line = id;
  REQUIRE_FALSE(line.empty());
  REQUIRE(d.tap(line));
  CHECK(d.ui->session.screen == ScreenId::Trainee);
  CHECK(line.find(d.ui->session.subject_id) != std::string::npos);
}

// ---- 7 the board's language ---------------------------------------------------------------------------

TEST_CASE("22.7 the board's language button offers every language, and the board returns to Danish") {
  UiDriver d;
  std::vector<std::string> seen = {d.ui->session.language};
  for (int i = 0; i < 4; ++i) {
    REQUIRE(d.tap("board.language"));
    seen.push_back(d.ui->session.language);
  }
  CHECK(seen == std::vector<std::string>{"da", "en", "pl", "uk", "da"});
  REQUIRE(d.tap("board.language"));
  d.advance(61 * kSecond);
  d.frames(2);
  CHECK(d.ui->session.language == "da");
  // The chooser on a trainee's page no longer says the board is always Danish.
  CHECK(d.env->languages.at("en")("language.note").find("stays in Danish") == std::string::npos);
  CHECK(d.env->languages.at("da")("language.note").find("altid") == std::string::npos);
}

// ---- 8 my page's scroll -------------------------------------------------------------------------------

TEST_CASE("22.8 every trainee's own page opens at the top, wherever the last one left it") {
  UiDriver d(ImVec2(1280, 800));
  const std::string bo = d.enrol("Bo Kristensen", "1234");
  const std::string aase = d.enrol("Åse Ærø-Ødegaard", "1234");
  auto open_page = [&](const std::string& id) {
    REQUIRE(d.tap("board.tile." + id));
    tap_pin(d, "pin", "1234");
    REQUIRE(d.tap("pin.my_page_only"));
    REQUIRE(d.ui->session.screen == ScreenId::MyProgress);
    d.frames(2);
  };
  open_page(bo);
  REQUIRE(scroll_of("progress.skills") == 0);
  // Bo drags his skills up.
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(300, 700);
  d.frame();
  io.MouseDown[0] = true;
  d.frame();
  for (int i = 0; i < 12; ++i) {
    io.MousePos.y -= 25;
    d.frame();
  }
  io.MouseDown[0] = false;
  d.frame();
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  d.frames(2);
  REQUIRE(scroll_of("progress.skills") > 50);
  REQUIRE(d.tap("nav.home"));
  open_page(aase);
  CHECK(scroll_of("progress.skills") == 0);
}

// ---- 9 small things -----------------------------------------------------------------------------------

TEST_CASE("22.9 the group assessment's steps mark only finished steps done, and a saved line moves nothing") {
  UiDriver d;
  const std::string jens = d.add_staff("Jens Kristensen", ft::Role::Instructor);
  const std::string signe = d.enrol("Signe Bæk-Andersen");
  d.login(jens);
  REQUIRE(d.ui->session.screen == ScreenId::Assess);
  d.frame();
  ImFont* bold = d.ui->fonts.bold;
  const std::string tick = d.ui->icon("checkbox-marked-circle");
  auto ticked = [&](const std::string& tab) {
    const ft::ui::TargetRect* r = d.ui->targets.find(tab);
    REQUIRE(r != nullptr);
    for (const auto& g : glyphs_drawn(bold, tick))
      if (inside(g.pos, *r)) return true;
    return false;
  };
  CHECK_FALSE(ticked("assess.tab.0"));  // "Trainees (0)" is where we are, not done
  REQUIRE(d.tap("assess.trainee." + signe));
  REQUIRE(d.tap("assess.next"));
  CHECK(ticked("assess.tab.0"));  // now it is done
  CHECK_FALSE(ticked("assess.tab.1"));

  const float grid_y = d.ui->targets.find("assess.skill.windows")->min.y;
  REQUIRE(d.tap("assess.skill.windows"));
  REQUIRE(d.tap("assess.level.3"));
  REQUIRE(d.tap("assess.save"));
  REQUIRE(d.ui->session.assess.step == ft::ui::AssessDraft::Skill);
  CHECK(d.ui->session.assess.saved.find("..") == std::string::npos);  // "Signe B.." had one stop too many
  CHECK(d.ui->targets.find("assess.skill.windows")->min.y == doctest::Approx(grid_y));
}

TEST_CASE("22.9 check-out, vacuuming and window cleaning have icons that read as what they are") {
  UiDriver d;
  const ft::Skill* vacuuming = d.env->catalogue.find("vacuuming");
  const ft::Skill* windows = d.env->catalogue.find("windows");
  REQUIRE(vacuuming);
  REQUIRE(windows);
  CHECK(vacuuming->icon != "power-settings");
  CHECK(windows->icon != "window-closed");
  // The big confirmation after a check-out: not the clock with an arrow that reads as ♂.
  const std::string bo = d.enrol("Bo Kristensen", "", "1001");
  d.scan_card("1001");
  d.advance(30 * kMinute);
  d.scan_card("1001");
  REQUIRE(d.ui->session.confirmation.has_value());
  REQUIRE_FALSE(d.ui->session.confirmation->checked_in);
  d.frame();
  CHECK(glyphs_drawn(d.ui->fonts.huge, d.ui->icon("clock-out")).empty());
  CHECK_FALSE(glyphs_drawn(d.ui->fonts.huge, d.ui->icon("logout-variant")).empty());
}

// ---- 10 duplicate badges -------------------------------------------------------------------------------

TEST_CASE("22.10 enrolling a second person with a badge already in use is refused, on the command line too") {
  UiDriver d;
  d.enrol("Bo Kristensen", "1234", "1001");
  ft::Enrol e;
  e.name = "Åse Ærø-Ødegaard";
  e.badge = "1001";
  ft::Outcome out = d.centre->execute(e, ft::local_admin());
  REQUIRE_FALSE(out.ok());
  CHECK(out.refusal->code == "duplicate_badge");
  const std::int64_t before = ft::test::reopen(d)->event_count();
  auto r = ft::test::floor_terminal({"enrol", "--db", d.db_path, "--name", "Åse Ærø-Ødegaard", "--badge", "1001"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("badge") != std::string::npos);
  CHECK(ft::test::reopen(d)->event_count() == before);
}

TEST_CASE("22.10 two trainees with one badge from sync: the reader refuses the card, the dashboard shows it") {
  UiDriver d;
  const std::string supervisor = d.add_staff("Mette Holm", ft::Role::Supervisor);
  const std::string bo = d.enrol("Bo Kristensen", "1234", "1001");
  // Another terminal, offline, gave Åse the same card; its events arrive by sync.
  ft::test::TempDir other_dir;
  ft::StoreError se;
  auto other = ft::Centre::open(other_dir.file("other.db"), d.env->rules, d.env->catalogue, se,
                                ft::Clock::fixed(d.now_ms));
  REQUIRE(other);
  ft::Enrol e;
  e.name = "Åse Ærø-Ødegaard";
  e.badge = "1001";
  ft::Outcome out = other->execute(e, ft::local_admin());
  REQUIRE(out.ok());
  const std::string aase = out.new_id;
  std::int64_t last = 0;
  for (const ft::Event& ev : ft::load_events(centre_database(*other), 0, last))
    ft::insert_event_once(centre_database(*d.centre), ev);
  d.centre->refresh();
  d.frames(2);
  REQUIRE(d.centre->state().trainee(aase));

  d.scan_card("1001");
  auto disk = ft::test::reopen(d);
  CHECK_FALSE(ft::test::checked_in_today(*disk, bo));  // the reader picks nobody silently
  CHECK_FALSE(ft::test::checked_in_today(*disk, aase));
  CHECK(d.visible("notice.banner"));
  CHECK_FALSE(d.ui->session.banner.empty());

  d.ui->go_home();
  d.frames(2);
  d.login(supervisor);
  REQUIRE(d.ui->session.screen == ScreenId::Dashboard);
  d.frames(2);
  CHECK(d.visible("dashboard.alert." + bo + ".badge"));
  CHECK(d.visible("dashboard.alert." + aase + ".badge"));
}
