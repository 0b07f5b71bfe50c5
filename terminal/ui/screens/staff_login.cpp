// Staff login: an instructor or supervisor picks their name and types their
// PIN (or scans their badge); instructors land on assess, supervisors on the
// dashboard. The same screen confirms closing the kiosk, supervisors only.
#include "terminal/ui/screens/staff_login.hpp"

#include <imgui.h>

#include <algorithm>
#include <vector>

#include "terminal/core/pin.hpp"
#include "terminal/ui/screen_registry.hpp"
#include "terminal/ui/ui.hpp"
#include "terminal/ui/widgets.hpp"

namespace ft::ui {
namespace {


std::vector<const Staff*> staff_list(const State& s, bool supervisors_only) {
  std::vector<const Staff*> out;
  for (const auto& [id, st] : s.staff)
    if (!supervisors_only || st.role == Role::Supervisor) out.push_back(&st);
  std::sort(out.begin(), out.end(), [](const Staff* a, const Staff* b) { return a->name.value < b->name.value; });
  return out;
}

void choose(Ui& ui, Body body) {
  const Metrics& m = ui.m;
  LoginDraft& d = ui.session.login;
  ImGui::SetCursorPos(body.pos);
  label(ui.icon("credit-card-scan") + "  " + ui.t(d.for_close ? "login.close_hint" : "login.hint"), ui.fonts.body,
        colour::muted, body.size.x);
  auto people = staff_list(ui.centre.state(), d.for_close);
  const float top = ImGui::GetCursorPosY();
  ImGui::SetCursorPos(ImVec2(body.pos.x, top));
  begin_scroll("login.list", ImVec2(body.size.x, body.pos.y + body.size.y - top));
  if (people.empty()) label(ui.t("login.no_staff"), ui.fonts.bold, colour::muted, body.size.x);
  const float avail = body.size.x - ImGui::GetStyle().ScrollbarSize - 4;
  const int cols = std::max(1, int((avail + m.gap) / (420.0f * m.scale + m.gap)));
  const float w = (avail - (cols - 1) * m.gap) / cols;
  for (size_t i = 0; i < people.size(); ++i) {
    if (i % cols) ImGui::SameLine();
    const Staff& st = *people[i];
    if (touch_button(ui, "login.staff." + st.id, st.role == Role::Supervisor ? "account-star" : "account",
                     st.name.value, ImVec2(w, m.target * 1.3f),
                     {.tone = Tone::Ghost, .sub = ui.t(std::string("role.") + role_name(st.role))})) {
      d.staff_id = st.id;
      d.digits.clear();
      d.message.clear();
    }
  }
  end_scroll();
}

void enter_pin(Ui& ui, const Staff& st, Body body) {
  const Metrics& m = ui.m;
  LoginDraft& d = ui.session.login;
  const float key = std::min(m.target * 1.3f, (body.size.y - m.target - 5 * m.gap) / 4.0f);
  const float pad_w = 3 * key + 2 * m.gap;
  const float left_w = body.size.x - pad_w - 3 * m.gap;
  panel_background(body.pos, ImVec2(left_w, body.size.y));
  ImGui::SetCursorPos(ImVec2(body.pos.x + m.pad, body.pos.y + m.pad));
  label(st.name.value, ui.fonts.title, colour::text, left_w - 2 * m.pad);
  ImGui::SetCursorPosX(body.pos.x + m.pad);
  label(ui.t(std::string("role.") + role_name(st.role)), ui.fonts.body, colour::muted, left_w - 2 * m.pad);
  ImGui::SetCursorPosX(body.pos.x + m.pad);
  label(ui.t("login.enter_pin"), ui.fonts.body, colour::text, left_w - 2 * m.pad);
  if (!d.message.empty()) {
    ImGui::SetCursorPosX(body.pos.x + m.pad);
    label(ui.icon("alert-circle") + "  " + d.message, ui.fonts.bold, colour::danger, left_w - 2 * m.pad);
  }
  ImGui::SetCursorPos(ImVec2(body.pos.x + m.pad, body.pos.y + body.size.y - m.target - m.pad));
  if (touch_button(ui, "login.other", "arrow-left", ui.t("login.someone_else"), ImVec2(0, 0),
                   {.tone = Tone::Neutral})) {
    d.staff_id.clear();
    d.digits.clear();
    return;
  }

  const float px = body.pos.x + body.size.x - pad_w;
  ImGui::SetCursorPos(ImVec2(px, body.pos.y));
  const PinLength length = pin_length(Role::Supervisor);  // every staff role alike
  pin_dots(ui, d.digits.size(), length.min, pad_w);
  ImGui::SetCursorPosX(px);
  if (!pin_pad(ui, "login", d.digits, length.max, ImVec2(key, key))) return;
  AuthOutcome auth = ui.centre.authenticate(st.id, d.digits);
  d.digits.clear();
  if (!auth.actor) {
    d.message = auth.refusal ? ui.refusal(*auth.refusal) : ui.t("pin.wrong");
    return;
  }
  if (d.for_close) {
    if (auth.actor->role == Role::Supervisor)
      ui.session.close_confirmed = true;
    else
      d.message = ui.t("login.close_supervisor_only");
    return;
  }
  ui.begin_staff_session(*auth.actor);
}

void draw(Ui& ui) {
  LoginDraft& d = ui.session.login;
  Body body = begin_screen(ui, ui.t(d.for_close ? "login.close_title" : "login.title"),
                           d.for_close ? "power" : "account-key", true);
  const Staff* st = d.staff_id.empty() ? nullptr : ui.centre.state().staff_member(d.staff_id);
  if (st)
    enter_pin(ui, *st, body);
  else
    choose(ui, body);
  end_screen();
}

void demo(Ui& ui) {
  ui.go_home();
  ui.show(ScreenId::StaffLogin);
}

}  // namespace

void register_staff_login_screen(ScreenRegistry& r) {
  r.add({ScreenId::StaffLogin, "staff-login", Access::Anyone, draw, demo, [](Session& s) { s.login = LoginDraft{}; }});
}

}  // namespace ft::ui
