// The check-in board: the home screen on the shared floor. A tile per
// trainee in the centre (initials avatar in a stable colour, first name and
// last initial only, in or out), the date and clock, the staff login and the
// language switch (every language of the kiosk in turn, back to Danish when idle). The badge reader works here (Ui::frame reads it).
// Never shows absence, risk, notes or anything else about a person.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "terminal/core/text.hpp"
#include "terminal/ui/facts.hpp"
#include "terminal/ui/screen_registry.hpp"
#include "terminal/ui/ui.hpp"
#include "terminal/ui/widgets.hpp"

namespace ft::ui {
namespace {

// One trainee's tile; returns true when tapped.
bool tile(Ui& ui, const Trainee& t, Presence presence, ImVec2 size, OpaqueFills& fills) {
  const std::string id = "board.tile." + t.id;
  const bool pressed = ImGui::InvisibleButton(id.c_str(), size);
  const bool held = ImGui::IsItemActive();
  ui.targets.record_last_item(id, true);
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const bool in = presence == Presence::In;
  framed_rect(dl, a, b, held ? colour::neutral_active : (in ? colour::success_soft : colour::panel),
              in ? colour::success : colour::border, ui.m.radius, in ? 4.0f : 1.5f, &fills);

  const float r = std::min(size.y * 0.3f, size.x * 0.16f);
  const float pad = ui.m.pad * 0.75f;
  avatar(ui, ImVec2(a.x + pad + r, a.y + size.y * 0.5f), r, t.id, t.shown_name());

  const float tx = a.x + 2 * pad + 2 * r;
  const float tw = b.x - tx - pad * 0.5f;
  ImFont* nf = ui.fonts.bold;
  const std::string name = first_name_last_initial(t.shown_name());
  auto lines = wrap_lines(nf, name, tw);
  if (lines.size() > 2) ui.report_overflow(id);
  const std::string status_icon = ui.icon(in ? "clock-in" : (presence == Presence::Out ? "logout-variant" : "clock"));
  const std::string status =
      in ? ui.t("board.in") : (presence == Presence::Out ? ui.t("board.left") : ui.t("board.not_in"));
  const std::string status_line = status_icon + " " + status;
  // Five tiles a row leave little width: a status too long for the body
  // font ("На сьогодні все") takes the small one, then a second line.
  ImFont* sf = text_width(ui.fonts.body, status_line) <= tw + 1 ? ui.fonts.body : ui.fonts.small;
  const auto status_lines = wrap_lines(sf, status_line, tw);
  if (status_lines.size() > 2) ui.report_overflow(id);
  const float line_h = nf->FontSize * 1.1f, status_h = sf->FontSize * 1.15f;
  const float block = lines.size() * line_h + status_lines.size() * status_h + 2;
  float y = a.y + (size.y - block) * 0.5f;
  for (const auto& l : lines) {
    if (text_width(nf, l) > tw + 1) ui.report_overflow(id);
    dl->AddText(nf, nf->FontSize, ImVec2(tx, y), colour::text, l.c_str());
    y += line_h;
  }
  y += 2;
  for (const auto& l : status_lines) {
    if (text_width(sf, l) > tw + 1) ui.report_overflow(id);
    dl->AddText(sf, sf->FontSize, ImVec2(tx, y), in ? colour::success : colour::muted, l.c_str());
    y += status_h;
  }
  if (y > b.y) ui.report_overflow(id);
  return pressed && !press_was_drag();
}

void draw(Ui& ui) {
  const State& s = ui.centre.state();
  const std::string centre_name = s.centre_name.value.empty() ? ui.centre.rules().centre_name : s.centre_name.value;
  Body body = begin_screen(ui, centre_name, "home", false);
  const Metrics& m = ui.m;
  const Day today = ui.centre.today();

  ImGui::SetCursorPos(body.pos);
  label(ui.icon("hand-pointing-right") + "  " + ui.t("board.hint"), ui.fonts.body, colour::muted, body.size.x);
  const float top = ImGui::GetCursorPosY();
  const float bottom_h = m.target + m.gap;
  const ImVec2 grid_size(body.size.x, body.pos.y + body.size.y - top - bottom_h);

  auto trainees = trainees_in(s, {Stage::Centre});
  if (ui.session.practice)  // practice: only the trainee who is learning, nobody else's tile
    trainees.erase(std::remove_if(trainees.begin(), trainees.end(),
                                  [&](const Trainee* t) { return t->id != ui.session.practice->trainee_id; }),
                   trainees.end());
  ImGui::SetCursorPos(ImVec2(body.pos.x, top));
  begin_scroll("board.grid", grid_size);
  if (trainees.empty()) {
    label(ui.t("board.empty"), ui.fonts.bold, colour::muted, grid_size.x);
  } else {
    // The tiles take the whole width, so the grid sits evenly between the
    // screen's margins; only when they overflow, and a scrollbar appears,
    // is its width kept free.
    const float min_w = 330.0f * m.scale, min_h = m.target * 1.45f;
    float avail = grid_size.x;
    int cols = 0, rows = 0;
    float fit_h = 0;
    const auto lay_out = [&] {
      cols = std::max(2, int((avail + m.gap) / (min_w + m.gap)));
      rows = int((trainees.size() + cols - 1) / cols);
      fit_h = std::floor((grid_size.y - (rows - 1) * m.gap) / rows);
    };
    lay_out();
    if (fit_h < min_h) {
      avail -= ImGui::GetStyle().ScrollbarSize + 4;
      lay_out();
    }
    const float w = (avail - (cols - 1) * m.gap) / cols;
    const float h = std::clamp(fit_h, min_h, m.target * 2.6f);
    OpaqueFills fills(ImGui::GetWindowDrawList());  // the tiles' fills, first and unblended
    for (size_t i = 0; i < trainees.size(); ++i) {
      if (i % cols) ImGui::SameLine();
      const Trainee& t = *trainees[i];
      if (tile(ui, t, presence_today(t, today), ImVec2(w, h), fills)) {
        ui.tap_tile(t.id);
        break;  // the screen (and maybe its language) changed: the rest of this board is not drawn
      }
    }
  }
  end_scroll();

  // Bottom row: staff login left, a notice in the middle, language right.
  const float y = body.pos.y + body.size.y - m.target;
  ImGui::SetCursorPos(ImVec2(body.pos.x, y));
  const std::string staff = ui.t(ui.session.practice ? "practice.end" : "board.staff");
  const float staff_w = button_width(ui, "account-key", staff);
  if (ui.session.practice) {
    if (touch_button(ui, "practice.end", "close", staff, ImVec2(staff_w, m.target), {.tone = Tone::Warning}))
      ui.end_practice();
  } else if (touch_button(ui, "board.staff", "account-key", staff, ImVec2(staff_w, m.target),
                          {.tone = Tone::Neutral})) {
    ui.show(ScreenId::StaffLogin);
  }
  // The next of the kiosk's languages, named in itself ("Polski"), for
  // whoever stands at the board; it returns to Danish when nobody touches it.
  // A trainee's own language holds on their own screens (Trainee::language).
  const std::string other = ui.next_board_language_name();
  const float lang_w = button_width(ui, "translate", other);
  ImGui::SetCursorPos(ImVec2(body.pos.x + body.size.x - lang_w, y));
  if (touch_button(ui, "board.language", "translate", other, ImVec2(lang_w, m.target), {.tone = Tone::Neutral}))
    ui.next_board_language();

  if (!ui.session.banner.empty()) {
    const float bx = body.pos.x + staff_w + m.gap, bw = body.size.x - staff_w - lang_w - 2 * m.gap;
    ImGui::SetCursorPos(ImVec2(bx, y));
    if (notice_banner(ui, ImVec2(bw, m.target))) ui.session.banner.clear();
  }
  end_screen();
}

void demo(Ui& ui) { ui.go_home(); }

// A supervisor started practice for the first trainee in the centre.
void practice_demo(Ui& ui) {
  auto in_centre = trainees_in(ui.centre.state(), {Stage::Centre});
  ui.go_home();
  if (!in_centre.empty()) ui.start_practice(in_centre.back()->id);
}

}  // namespace

void register_board_screen(ScreenRegistry& r) {
  r.add({ScreenId::Board, "board", Access::Anyone, draw, demo});
  r.add({ScreenId::Practice, "practice", Access::Anyone, draw, practice_demo});  // the board while practising
}

}  // namespace ft::ui
