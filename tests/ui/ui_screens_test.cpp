// Every screen, and the states inside screens (panels, confirmation,
// keyboard), drawn over the demo centre in all four languages at the two
// sizes of the floor PCs: no raw translation key, no text that does not fit,
// touch targets at least 64 px high and at least 16 px apart.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "terminal/ui/facts.hpp"
#include "terminal/ui/screen_registry.hpp"
#include "terminal/ui/gl_frame.hpp"
#include "terminal/ui/widgets.hpp"
#include "tests/ui/driver.hpp"

using ft::test::demo_db;
using ft::test::UiDriver;
using ft::ui::ScreenId;
using ft::ui::Ui;

namespace {

struct ScreenState {
  std::string name;
  std::function<void(Ui&)> setup;  // after the screen's own demo
};

const ft::Trainee* first_in_centre(Ui& ui) {
  auto v = ft::ui::trainees_in(ui.centre.state(), {ft::Stage::Centre});
  return v.empty() ? nullptr : v.front();
}

std::vector<ScreenState> states() {
  std::vector<ScreenState> out;
  for (const auto& def : ft::ui::screens().all()) out.push_back({def.name, nullptr});
  auto demo = [](const char* screen) { return ft::ui::screens().find(screen)->demo; };
  out.push_back({"board+banner", [](Ui& ui) { ui.set_banner(ui.t("board.badge_unknown")); }});
  out.push_back({"pin+wrong", [=](Ui& ui) {
                   demo("pin")(ui);
                   ui.session.pin.message = ft::ui::PinMessage{.refusal = ft::Refusal{"wrong_pin", {{"attempts_left", "4"}}}};
                 }});
  for (bool in : {true, false})
    out.push_back(
        {in ? "pin+confirm-in" : "pin+confirm-out", [=](Ui& ui) {
           demo("pin")(ui);
           ui.session.subject_verified = true;
           ui.session.confirmation = ft::ui::Confirmation{ui.session.subject_id, in, 8 * 60 + 2, ui.now_ms() + 5000};
         }});
  out.push_back({"assess+trainees", [=](Ui& ui) {
                   demo("assess")(ui);
                   ui.session.assess.step = ft::ui::AssessDraft::Trainees;
                 }});
  for (const char* skill : {"floor-mopping", "goal-orientation"})
    out.push_back({std::string("assess+level+note:") + skill, [=](Ui& ui) {
                     demo("assess")(ui);
                     ui.session.assess.skill = skill;
                     ui.session.assess.level = 3;
                     ui.session.assess.note = "Godt arbejde i dag – især på gangene.";
                     ui.session.assess.note_open = true;
                     ui.session.assess.step = ft::ui::AssessDraft::Level;
                   }});
  using ft::ui::ReviewDraft;
  out.push_back({"trainee+stage-internship", [=](Ui& ui) {
                   demo("trainee")(ui);
                   ui.session.review.panel = ReviewDraft::Stage;
                   ui.session.review.stage = ft::Stage::Internship;
                 }});
  out.push_back({"trainee+stage-typing", [=](Ui& ui) {
                   demo("trainee")(ui);
                   ui.session.review.panel = ReviewDraft::Stage;
                   ui.session.review.stage = ft::Stage::Employed;
                   ui.session.review.typing_host = true;
                   ui.session.review.host = "Ikast Rengøring ApS";
                 }});
  out.push_back({"trainee+stage-exit", [=](Ui& ui) {
                   demo("trainee")(ui);
                   ui.session.review.panel = ReviewDraft::Stage;
                   ui.session.review.stage = ft::Stage::Exited;
                 }});
  out.push_back({"trainee+absence", [=](Ui& ui) {
                   demo("trainee")(ui);
                   ui.session.review.panel = ReviewDraft::Absence;
                   ui.session.review.kind = ft::AbsenceKind::Sick;
                   ui.session.review.cause = "child_sick";
                 }});
  out.push_back({"trainee+note", [=](Ui& ui) {
                   demo("trainee")(ui);
                   ui.session.review.panel = ReviewDraft::Note;
                   ui.session.review.note = "Aftalt opfølgning med jobcentret.";
                 }});
  out.push_back({"trainee+message", [=](Ui& ui) {
                   demo("trainee")(ui);
                   ui.session.review.message = ui.refusal(ft::Refusal{"host_required", {}});
                   ui.session.review.message_is_error = true;
                 }});
  out.push_back({"staff-login+pin", [=](Ui& ui) {
                   demo("staff-login")(ui);
                   if (!ui.centre.state().staff.empty())
                     ui.session.login.staff_id = ui.centre.state().staff.begin()->first;
                   ui.session.login.message = ui.refusal(ft::Refusal{"wrong_pin", {{"attempts_left", "2"}}});
                 }});
  out.push_back({"staff-login+close", [](Ui& ui) { ui.request_close(); }});
  out.push_back(
      {"my-progress+referred", [](Ui& ui) {
         ui.go_home();
         for (const auto* t : ft::ui::trainees_in(ui.centre.state(), {ft::Stage::Referred, ft::Stage::Internship})) {
           ui.identify_trainee(t->id, true);
           ui.show(ScreenId::MyProgress);
           break;
         }
       }});
  // The trainee's own page and its language list in the trainee's own languages.
  for (const char* screen : {"my-progress", "my-language"})
    for (const char* lang : {"pl", "uk"})
      out.push_back({std::string(screen) + "+" + lang, [=](Ui& ui) {
                       demo(screen)(ui);
                       ui.session.language = lang;
                     }});
  out.push_back({"my-progress+message", [=](Ui& ui) {
                   demo("my-progress")(ui);
                   ui.session.my_page.message = ui.refusal(ft::Refusal{"store.busy", {}});
                 }});
  (void)first_in_centre;
  return out;
}

void draw_state(UiDriver& d, const ScreenState& s, const std::string& lang) {
  Ui& ui = *d.ui;
  ui.options.language = lang;
  ui.end_practice();  // each state starts as a fresh kiosk would (a practice session outlives go_home)
  const std::string screen = s.name.substr(0, s.name.find('+'));
  const auto* def = ft::ui::screens().find(screen);
  REQUIRE(def != nullptr);
  if (s.setup)
    s.setup(ui);
  else if (def->demo)
    def->demo(ui);
  ui.overflows.clear();
  d.frames(3);
}

void check_targets(const UiDriver& d, const std::string& where) {
  const auto& rects = d.ui->targets.rects;
  for (const auto& [id, r] : rects) {
    if (r.clipped) continue;
    INFO(where << " target " << id);
    CHECK(r.height() >= 64.0f);
    CHECK(r.width() >= 64.0f);
  }
  for (auto a = rects.begin(); a != rects.end(); ++a)
    for (auto b = std::next(a); b != rects.end(); ++b) {
      const auto& p = a->second;
      const auto& q = b->second;
      const bool x_overlap = p.min.x < q.max.x && q.min.x < p.max.x;
      const bool y_overlap = p.min.y < q.max.y && q.min.y < p.max.y;
      INFO(where << " targets " << a->first << " and " << b->first);
      if (x_overlap && y_overlap)
        FAIL_CHECK("overlapping touch targets");
      else if (x_overlap)
        CHECK(std::max(q.min.y - p.max.y, p.min.y - q.max.y) >= 15.5f);
      else if (y_overlap)
        CHECK(std::max(q.min.x - p.max.x, p.min.x - q.max.x) >= 15.5f);
    }
}

}  // namespace

TEST_CASE("every screen and state reads well in every language at 1920x1080 and 1280x800") {
  // Staff screens speak the board's language (the demo staff have none of
  // their own), so these prove the staff screens were drawn in `lang` itself.
  const std::set<std::string> staff_screens = {"assess", "trainee", "dashboard", "settings", "staff-login"};
  for (ImVec2 size : {ImVec2(1920, 1080), ImVec2(1280, 800)}) {
    UiDriver d(size, demo_db(), ft::test::real_now_ms());
    for (const auto& s : states()) {
      for (const std::string lang : ft::kLanguages) {
        const std::string where =
            s.name + " " + lang + " " + std::to_string(int(size.x)) + "x" + std::to_string(int(size.y));
        CAPTURE(where);
        draw_state(d, s, lang);
        const std::string screen = s.name.substr(0, s.name.find('+'));
        CHECK(ft::ui::screen_name(d.ui->session.screen) ==
              screen);  // the demo subject exists: the screen really showed
        if (staff_screens.count(screen)) CHECK(d.ui->translations().language == lang);
        CHECK(d.ui->missing_keys().empty());
        for (const auto& k : d.ui->missing_keys()) MESSAGE("raw key on screen: " << k);
        CHECK(d.ui->overflows.empty());
        for (const auto& o : d.ui->overflows) MESSAGE("text does not fit: " << o);
        check_targets(d, where);
      }
    }
  }
}

TEST_CASE("every screen fits the small kiosk (1024x600) in every language") {
  UiDriver d(ImVec2(1024, 600), demo_db(), ft::test::real_now_ms());
  for (const auto& s : states()) {
    for (const std::string lang : ft::kLanguages) {
      CAPTURE(s.name);
      CAPTURE(lang);
      draw_state(d, s, lang);
      CHECK(d.ui->overflows.empty());
      for (const auto& o : d.ui->overflows) MESSAGE("text does not fit: " << o);
    }
  }
}

TEST_CASE("every screen id has one line in the table of screens, and its name leads back to it") {
  CHECK(ft::ui::screens().all().size() == std::size_t(ft::ui::kScreenIdCount));
  for (int i = 0; i < ft::ui::kScreenIdCount; ++i) {
    const auto id = ScreenId(i);
    const ft::ui::ScreenDef& def = ft::ui::screens().find(id);
    CHECK(def.id == id);
    CHECK(bool(def.draw));
    const ft::ui::ScreenDef* by_name = ft::ui::screens().find(def.name);
    REQUIRE(by_name != nullptr);
    CHECK(by_name->id == id);
  }
  CHECK(ft::ui::screens().find("nowhere") == nullptr);
}

TEST_CASE("a refused card's sentence is said in the language the screen is drawn in, not the one it was refused in") {
  // The screenshot command refuses the card first (the screen then speaks the
  // trainee's own language) and applies --lang after: one picture, one language.
  UiDriver d(ImVec2(1280, 800), demo_db(), ft::test::real_now_ms());
  ft::ui::screens().find("pin-refused")->demo(*d.ui);
  REQUIRE(d.ui->session.screen == ScreenId::PinRefused);
  std::map<std::string, std::string> said;
  for (const std::string lang : {"da", "en"}) {
    d.ui->session.language = lang;
    d.frames(2);
    said[lang] = d.ui->pin_message();
    CHECK_FALSE(said[lang].empty());
  }
  CHECK(said["da"] != said["en"]);
  CHECK(d.ui->missing_keys().empty());
}

TEST_CASE("drawing screens writes nothing to the centre") {
  UiDriver d(ImVec2(1920, 1080), demo_db(), ft::test::real_now_ms());
  const auto before = d.centre->event_count();
  for (const auto& s : states()) draw_state(d, s, "da");
  CHECK(ft::test::reopen(d)->event_count() == before);
}

TEST_CASE("a full board fits every tile's name and status, in, out and not yet in, in every language") {
  // The demo centre shows "left for today" only late in the afternoon; this
  // board has all three at any hour, fifteen tiles and long names.
  const std::vector<std::string> names = {
      "Åse Ærø-Ødegaard",       "Przemysław Wąsowicz", "Маргарита Шевчук-Коваленко", "Bartholomæus Østergaard",
      "Jean-François Lefèvre",  "Gülşen Yılmaz",       "Ngozi Adébáyọ̀",             "Ștefan Țurcanu",
      "Христина Іваненко",      "Mohammed Al-Sayed",  "Maximiliane Schwarzenberg", "Zoë O'Brien-Kowalczyk",
      "Kristoffer Kristiansen", "Ólafur Þórðarson",    "Weronika Grzegorzewska"};
  for (ImVec2 size : {ImVec2(1920, 1080), ImVec2(1280, 800)}) {
    UiDriver d(size);
    std::vector<std::string> ids;
    for (const auto& n : names) ids.push_back(d.enrol(n));
    for (int i = 0; i < 10; ++i) {
      const auto in = d.centre->execute(ft::CheckIn{ids[i]}, ft::Actor{ids[i], ft::Role::Trainee});
      REQUIRE_MESSAGE(in.ok(), in.refusal->code);
    }
    d.advance(4 * 3600 * 1000);  // well past the double-tap guard
    for (int i = 5; i < 10; ++i) REQUIRE(d.centre->execute(ft::CheckOut{ids[i]}, ft::Actor{ids[i], ft::Role::Trainee}).ok());
    for (const std::string lang : ft::kLanguages) {
      CAPTURE(lang);
      CAPTURE(size.x);
      d.ui->options.language = lang;
      d.ui->go_home();  // the board, in its own language
      REQUIRE(d.ui->session.screen == ScreenId::Board);
      d.ui->overflows.clear();
      d.frames(2);
      for (const auto& id : ids) CHECK(d.visible("board.tile." + id));
      CHECK(d.ui->overflows.empty());
      for (const auto& o : d.ui->overflows) MESSAGE("text does not fit: " << o);
    }
  }
}

TEST_CASE("the board's tiles sit evenly between the margins, and leave room for a scrollbar only when they overflow") {
  // A full centre fits both floor PCs' screens; on a smaller one the list scrolls.
  for (ImVec2 size : {ImVec2(1920, 1080), ImVec2(1280, 800), ImVec2(1024, 600)}) {
    CAPTURE(size.x);
    UiDriver d(size);
    std::vector<std::string> ids;
    for (int i = 0; i < 15; ++i) ids.push_back(d.enrol("Kursist " + std::to_string(i + 1)));
    d.frames(2);
    // Tiles scrolled out of sight are not recorded, but every column shows in the first rows.
    float left = 1e9f, right = 0;
    for (const auto& id : ids)
      if (const auto* r = d.ui->targets.find("board.tile." + id)) {
        left = std::min(left, r->min.x);
        right = std::max(right, r->max.x);
      }
    const auto* staff = d.ui->targets.find("board.staff");
    const auto* language = d.ui->targets.find("board.language");
    REQUIRE(staff != nullptr);
    REQUIRE(language != nullptr);
    // Within a pixel: ImGui puts windows, and so the list's clipping edge, on whole pixels.
    CHECK(std::abs(left - staff->min.x) <= 1.0f);
    const bool fits = size.y >= 800;
    if (fits) {
      for (const auto& id : ids) CHECK(d.visible("board.tile." + id));
      CHECK(std::abs(right - language->max.x) <= 1.0f);
    } else {
      CHECK(right <= language->max.x - ImGui::GetStyle().ScrollbarSize);
    }
  }
}

TEST_CASE("the board draws its tiles' fills first and unblended, then everything else blended") {
  UiDriver d;
  for (int i = 0; i < 15; ++i) d.enrol("Kursist " + std::to_string(i + 1));
  d.frames(2);
  const ImDrawData* dd = ImGui::GetDrawData();
  REQUIRE(dd != nullptr);
  const ImDrawList* grid = nullptr;
  for (int i = 0; i < dd->CmdListsCount; ++i)
    for (const ImDrawCmd& c : dd->CmdLists[i]->CmdBuffer)
      if (c.UserCallback == ft::ui::draw_without_blending) grid = dd->CmdLists[i];
  REQUIRE(grid != nullptr);
  // Blending off, the fills, blending back as the backend sets it up, the rest.
  const ImVector<ImDrawCmd>& cmds = grid->CmdBuffer;
  REQUIRE(cmds.Size >= 4);
  const bool unblended_first = cmds[0].UserCallback == ft::ui::draw_without_blending;
  CHECK(unblended_first);
  int reset = -1;
  for (int i = 1; i < cmds.Size && reset < 0; ++i)
    if (cmds[i].UserCallback == ImDrawCallback_ResetRenderState) reset = i;
  REQUIRE(reset > 1);
  // Unblended means no anti-aliased fringe: every corner of the fills' triangles is fully opaque.
  unsigned fill_indices = 0;
  bool only_triangles = true, all_opaque = true;
  for (int i = 1; i < reset; ++i) {
    const ImDrawCmd& c = cmds[i];
    only_triangles = only_triangles && c.UserCallback == nullptr;
    fill_indices += c.ElemCount;
    for (unsigned k = 0; k < c.ElemCount; ++k) {
      const ImDrawVert& v = grid->VtxBuffer[int(c.VtxOffset + grid->IdxBuffer[int(c.IdxOffset + k)])];
      all_opaque = all_opaque && (v.col & IM_COL32_A_MASK) == IM_COL32_A_MASK;
    }
  }
  CHECK(only_triangles);
  CHECK(all_opaque);
  CHECK(fill_indices > 0);
  unsigned rest = 0;
  for (int i = reset + 1; i < cmds.Size; ++i) rest += cmds[i].ElemCount;
  CHECK(rest > fill_indices);  // outlines, avatars and names drawn over them
}

TEST_CASE("a framed rectangle's outline stays inside it, where a scrolling list's edge cannot cut it") {
  UiDriver d;
  ft::test::BareDrawList dl;
  const ImVec2 a(100, 100), b(400, 250);
  for (float thickness : {1.0f, 1.5f, 3.0f, 4.0f}) {
    CAPTURE(thickness);
    dl.VtxBuffer.clear();
    ft::ui::framed_rect(&dl, a, b, IM_COL32(220, 240, 225, 255), IM_COL32(30, 120, 60, 255), 12, thickness);
    REQUIRE(dl.VtxBuffer.Size > 0);
    // ImGui's anti-aliasing fades out over the last half pixel; nothing reaches further.
    for (const ImDrawVert& v : dl.VtxBuffer) {
      CHECK(v.pos.x >= a.x - 0.5f);
      CHECK(v.pos.y >= a.y - 0.5f);
      CHECK(v.pos.x <= b.x + 0.5f);
      CHECK(v.pos.y <= b.y + 0.5f);
    }
  }
}
