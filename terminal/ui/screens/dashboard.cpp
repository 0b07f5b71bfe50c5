// The supervisor's overview: capacity used, who is in today, sync state,
// every trainee with a red/amber/green guarantee light, a month bar and a
// skills sparkline (tap a row for the review), and alerts: a badge two
// people hold, at risk, near 18 months, forgotten check-outs, an internship
// near its end, awaiting approval or over its host's ratio. Rows and alerts
// come in order of need; each alert line opens its trainee's review; a
// severity has one colour everywhere (the dot's).
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "terminal/core/badges.hpp"
#include "terminal/core/text.hpp"
#include "terminal/ui/charts.hpp"
#include "terminal/ui/facts.hpp"
#include "terminal/ui/screen_registry.hpp"
#include "terminal/ui/screens/internship_agreement.hpp"
#include "terminal/ui/ui.hpp"
#include "terminal/ui/widgets.hpp"

namespace ft::ui {
namespace {

// A no-break space keeps "84 %" on one line.
std::string percent(double rate) { return std::to_string(int(std::lround(rate * 100))) + "\u00a0%"; }

// How much a light asks for attention: red before amber before the rest.
int need_rank(Light l) { return l == Light::Red ? 2 : l == Light::Amber ? 1 : 0; }

void open_review(Ui& ui, const std::string& trainee_id) {
  ui.show(ScreenId::Trainee);
  ui.identify_trainee(trainee_id, false);
}

struct Row {
  const Trainee* t;
  Progress p;
};

void card(Ui& ui, ImVec2 pos, ImVec2 size, const std::string& icon, const std::string& head, const std::string& line,
          ImU32 accent, double fill = -1) {
  ImGui::SetCursorPos(pos);
  panel_background(pos, size);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 a(ImGui::GetWindowPos().x + pos.x, ImGui::GetWindowPos().y + pos.y);
  const Metrics& m = ui.m;
  ImFont* tf = ui.fonts.title;
  dl->AddText(tf, tf->FontSize, ImVec2(a.x + m.pad * 0.6f, a.y + m.pad * 0.4f), accent, ui.icon(icon).c_str());
  const float tx = a.x + m.pad * 0.6f + tf->FontSize * 1.3f;
  const float tw = a.x + size.x - m.pad * 0.5f - tx;
  // A card is a third of the width: on a small screen a long head ("Synkronisering slået fra") steps down a size.
  ImFont* hf = text_width(tf, head) > tw ? ui.fonts.bold : tf;
  if (text_width(hf, head) > tw || text_width(ui.fonts.small, line) > tw) ui.report_overflow("dashboard.card." + icon);
  dl->AddText(hf, hf->FontSize, ImVec2(tx, a.y + m.pad * 0.4f + (tf->FontSize - hf->FontSize) * 0.5f), colour::text,
              head.c_str());
  dl->AddText(ui.fonts.small, ui.fonts.small->FontSize, ImVec2(tx, a.y + m.pad * 0.4f + tf->FontSize * 1.15f),
              colour::muted, line.c_str());
  if (fill >= 0) {
    const float by = a.y + size.y - m.pad * 0.6f - 10 * m.scale;
    const ImVec2 b0(tx, by), b1(a.x + size.x - m.pad * 0.6f, by + 10 * m.scale);
    dl->AddRectFilled(b0, b1, colour::neutral, 6);
    dl->AddRectFilled(b0, ImVec2(b0.x + (b1.x - b0.x) * float(std::clamp(fill, 0.0, 1.0)), b1.y), accent, 6);
  }
}

void table(Ui& ui, const std::vector<Row>& rows, ImVec2 pos, ImVec2 size) {
  const Metrics& m = ui.m;
  ImGui::SetCursorPos(pos);
  // Columns as shares of the width; the months column goes first on narrow screens.
  const bool wide = size.x > 1000 * m.scale;
  struct Col {
    const char* key;
    float share;
  };
  // The skills column is wider than its words: it holds the sparkline beside them.
  std::vector<Col> cols = {{"dashboard.col_name", 0.28f}, {"dashboard.col_stage", 0.22f}};
  if (wide) cols.push_back({"dashboard.col_months", 0.12f});
  cols.push_back({"dashboard.col_attendance", 0.14f});
  cols.push_back({"dashboard.col_skills", 0.20f});
  float total = 0;
  for (auto& c : cols) total += c.share;
  const float inner = size.x - ImGui::GetStyle().ScrollbarSize - 4;
  const float dot_w = m.target * 0.45f;
  std::vector<float> xs;
  float x = dot_w;
  for (auto& c : cols) {
    xs.push_back(x);
    x += (inner - dot_w) * c.share / total;
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 wp = ImGui::GetWindowPos();
  // A heading wider than its column would run into the next one ("Fremmøde 28 d.Færdigheder"): it
  // wraps onto a second line, and the rows start below the tallest heading.
  ImFont* hf = ui.fonts.small;
  size_t head_lines = 1;
  for (size_t i = 0; i < cols.size(); ++i) {
    const float cw = (i + 1 < xs.size() ? xs[i + 1] : inner) - xs[i] - 8;
    const auto lines = wrap_lines(hf, ui.t(cols[i].key), cw);
    head_lines = std::max(head_lines, lines.size());
    float y = wp.y + pos.y;
    for (const auto& l : lines) {
      if (text_width(hf, l) > cw) ui.report_overflow(cols[i].key);  // one word wider than its column
      dl->AddText(hf, hf->FontSize, ImVec2(wp.x + pos.x + xs[i], y), colour::muted, l.c_str());
      y += hf->FontSize * 1.1f;
    }
  }
  if (head_lines > 2) ui.report_overflow("dashboard.headings");
  const float top = pos.y + hf->FontSize * (0.3f + 1.1f * float(head_lines));
  ImGui::SetCursorPos(ImVec2(pos.x, top));
  begin_scroll("dashboard.rows", ImVec2(size.x, pos.y + size.y - top));
  dl = ImGui::GetWindowDrawList();
  const float row_h = m.target;
  const float gap = ImGui::GetStyle().ItemSpacing.y;
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(m.gap, std::max(16.0f, gap * 0.8f)));
  for (const Row& r : rows) {
    const std::string id = "dashboard.row." + r.t->id;
    const bool tapped = ImGui::InvisibleButton(id.c_str(), ImVec2(inner, row_h));
    const bool held = ImGui::IsItemActive();
    ui.targets.record_last_item(id, true);
    const ImVec2 a = ImGui::GetItemRectMin();
    const Light light = light_of(r.p);
    framed_rect(dl, a, ImVec2(a.x + inner, a.y + row_h), held ? colour::neutral_active : colour::panel, colour::border,
                m.radius, 1.0f);
    status_dot(dl, ImVec2(a.x + dot_w * 0.55f, a.y + row_h * 0.5f), dot_w * 0.28f, light_colour(light));
    const Stage st = r.t->stage();
    std::vector<std::string> cells = {r.t->shown_name(), ui.icon(stage_icon(st)) + " " + ui.t(stage_key(st))};
    if (wide)
      cells.push_back(r.p.started ? ui.t("dashboard.months", {{"months", std::to_string(int(r.p.months_in_course))},
                                                                {"course", std::to_string(ui.centre.rules().course_months)}})
                                  : "–");
    cells.push_back(st == Stage::Centre || st == Stage::Internship ? percent(r.p.last_28d.rate()) : "–");
    cells.push_back(std::to_string(r.p.skills_at_target) + " / " + std::to_string(r.p.skills_required));
    ImFont* f = ui.fonts.body;
    // Small pictures so slipping shows at a glance: the course on the 18-month bar under the
    // month, and the skills trend against the expected curve beside the count.
    const size_t month_col = wide ? 2 : cells.size(), skills_col = cells.size() - 1;
    const float bar_h = std::max(12.0f, row_h * 0.3f);
    const float stacked_y = a.y + (row_h - f->FontSize * 1.12f - bar_h) * 0.5f;
    const float count_w = text_width(f, "30 / 30") + m.gap * 0.5f;
    for (size_t i = 0; i < cells.size(); ++i) {
      const float cw = (i + 1 < xs.size() ? xs[i + 1] : inner) - xs[i] - 8;
      std::string text = cells[i];
      // An internship shows its days left (or awaiting, or over) under the stage.
      if (i == 1 && st == Stage::Internship) {
        if (const auto v = current_internship(*r.t, ui.centre.today())) {
          ImFont* sf = ui.fonts.small;
          const std::string under = agreement_short(ui, *v);
          const float line_h = f->FontSize * 1.1f, y = a.y + (row_h - line_h - sf->FontSize) * 0.5f;
          if (text_width(f, text) > cw || text_width(sf, under) > cw) ui.report_overflow(id + ".internship");
          dl->AddText(f, f->FontSize, ImVec2(a.x + xs[i], y), colour::text, text.c_str());
          dl->AddText(sf, sf->FontSize, ImVec2(a.x + xs[i], y + line_h),
                      v->days_over > 0 ? colour::danger : colour::muted, under.c_str());
          continue;
        }
      }
      // A stage name takes two lines before it is cut ("Centrum / szkoleniowe").
      if (i == 1 && text_width(f, text) > cw) {
        const std::string icon = ui.icon(stage_icon(st)) + " ";
        const float icon_w = text_width(f, icon);
        const auto lines = wrap_lines(f, ui.t(stage_key(st)), cw - icon_w);
        if (lines.size() == 2 && text_width(f, lines[0]) <= cw - icon_w && text_width(f, lines[1]) <= cw - icon_w) {
          const float line_h = f->FontSize * 1.1f, y = a.y + (row_h - 2 * line_h) * 0.5f;
          dl->AddText(f, f->FontSize, ImVec2(a.x + xs[i], y), colour::text, icon.c_str());
          for (size_t l = 0; l < 2; ++l)
            dl->AddText(f, f->FontSize, ImVec2(a.x + xs[i] + icon_w, y + l * line_h), colour::text, lines[l].c_str());
          continue;
        }
      }
      if (text_width(f, text) > cw) {  // a long name is cut with an ellipsis, never overlaps the next column
        if (i == 1) ui.report_overflow(id + ".stage");  // a stage name is never cut: tests catch it
        while (!text.empty() && text_width(f, text + "…") > cw) {
          while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
          if (!text.empty()) text.pop_back();
        }
        text += "…";
      }
      const bool stacked = r.p.started && i == month_col;
      dl->AddText(i == 0 ? ui.fonts.bold : f, f->FontSize,
                  ImVec2(a.x + xs[i], stacked ? stacked_y : a.y + (row_h - f->FontSize) * 0.5f), colour::text,
                  text.c_str());
      if (stacked) {
        const float y = stacked_y + f->FontSize * 1.12f;
        month_bar(ui, *r.t, r.p, ImVec2(a.x + xs[i], y + bar_h * 0.25f), ImVec2(a.x + xs[i] + cw, y + bar_h * 0.75f));
      } else if (i == skills_col && r.p.started && cw > count_w * 1.5f) {
        const float pad = row_h * 0.16f;
        sparkline(ui, *r.t, r.p, ImVec2(a.x + xs[i] + count_w, a.y + pad), ImVec2(a.x + xs[i] + cw, a.y + row_h - pad));
      }
    }
    if (tapped && !press_was_drag()) open_review(ui, r.t->id);
  }
  ImGui::PopStyleVar();
  end_scroll();
}

// One line of the attention list: a touch target as tall as its words need
// (at least a finger's), its icon in the colour of its severity; true on a tap.
bool alert_line(Ui& ui, const std::string& id, const char* icon, ImU32 c, const std::string& text, float w) {
  const Metrics& m = ui.m;
  ImFont* f = ui.fonts.body;
  const std::string icon_text = ui.icon(icon);
  const float icon_w = f->FontSize * 1.4f;
  const auto lines = wrap_lines(f, text, w - icon_w - m.pad);
  const float line_h = f->FontSize * 1.15f;
  const float h = std::max(m.target, lines.size() * line_h + m.pad * 0.6f);
  const bool tapped = ImGui::InvisibleButton(id.c_str(), ImVec2(w, h));
  const bool held = ImGui::IsItemActive();
  ui.targets.record_last_item(id, true);
  const ImVec2 a = ImGui::GetItemRectMin();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  framed_rect(dl, a, ImVec2(a.x + w, a.y + h), held ? colour::neutral_active : colour::panel, colour::border, m.radius,
              1.0f);
  float y = a.y + (h - lines.size() * line_h) * 0.5f;
  dl->AddText(f, f->FontSize, ImVec2(a.x + m.pad * 0.4f, y), c, icon_text.c_str());
  for (const auto& l : lines) {
    if (text_width(f, l) > w - icon_w - m.pad + 1) ui.report_overflow(id);
    dl->AddText(f, f->FontSize, ImVec2(a.x + m.pad * 0.4f + icon_w, y), colour::text, l.c_str());
    y += line_h;
  }
  return tapped && !press_was_drag();
}

// A badge two people hold after sync (core: badge_conflicts): the reader
// refuses it until a supervisor takes it from one of them, here.
// Returns true when the state changed under the caller.
bool badge_conflict_alerts(Ui& ui, float w, int& count) {
  const State& s = ui.centre.state();
  for (const BadgeConflict& c : badge_conflicts(s)) {
    std::string names;
    for (const std::string& id : c.owners) {
      const Trainee* t = s.trainee(id);
      const Staff* st = s.staff_member(id);
      const std::string name = t ? first_name_last_initial(t->shown_name()) : st ? st->name.value : id;
      names += (names.empty() ? "" : ", ") + name;
    }
    label(ui.icon("credit-card-scan") + "  " + ui.t("dashboard.alert_badge", {{"badge", c.badge}, {"names", names}}),
          ui.fonts.body, colour::danger, w);
    ++count;
    for (const std::string& id : c.owners) {
      const Trainee* t = s.trainee(id);
      if (!t) continue;
      const std::string words = ui.t("dashboard.take_badge", {{"name", first_name_last_initial(t->shown_name())}});
      if (touch_button(ui, "dashboard.alert." + id + ".badge", "close-circle", words, ImVec2(w, ui.m.target),
                       {.tone = Tone::Neutral})) {
        Outcome out = ui.centre.execute(TakeBadge{id}, ui.session.staff->actor);
        if (!out.ok()) ui.set_banner(ui.refusal(*out.refusal));
        return true;
      }
    }
  }
  return false;
}

void alerts(Ui& ui, const std::vector<Row>& rows, ImVec2 pos, ImVec2 size) {
  const Metrics& m = ui.m;
  const Day today = ui.centre.today();
  ImGui::SetCursorPos(pos);
  label(ui.icon("alert") + "  " + ui.t("dashboard.alerts"), ui.fonts.title, colour::text, size.x);
  const float top = ImGui::GetCursorPosY();
  ImGui::SetCursorPos(ImVec2(pos.x, top));
  begin_scroll("dashboard.alerts", ImVec2(size.x, pos.y + size.y - top));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(m.gap, std::max(16.0f, ImGui::GetStyle().ItemSpacing.y)));
  const float w = size.x - ImGui::GetStyle().ScrollbarSize - 4;
  int count = 0;
  std::string open;  // the trainee whose line was tapped
  // Every line opens its trainee's review; the rows come in order of need.
  auto alert = [&](const std::string& id, const std::string& kind, const char* icon, ImU32 c, const std::string& text) {
    if (alert_line(ui, "dashboard.alert." + id + "." + kind, icon, c, text, w)) open = id;
    ++count;
  };
  const auto finish = [&] {
    ImGui::PopStyleVar();
    end_scroll();
  };
  if (ui.session.staff && badge_conflict_alerts(ui, w, count)) return finish();  // the state changed under the loop
  Day last = today - 1;  // the last expected day before today
  while (last > today - 10 && !is_expected_day(last, ui.centre.rules())) --last;
  for (const Row& r : rows) {
    const Stage st = r.t->stage();
    if (st != Stage::Centre && st != Stage::Internship) continue;
    const std::string name = first_name_last_initial(r.t->shown_name());
    // One colour per severity: a risk line in the colour of the trainee's dot.
    if (r.p.status == Guarantee::AtRisk)
      alert(r.t->id, "risk", "alert-circle", light_colour(light_of(r.p)),
            ui.t("dashboard.alert_risk",
                 {{"name", name}, {"reason", r.p.reasons.empty() ? std::string() : ui.reason(r.p.reasons.front())}}));
    if (r.p.warning_months && r.p.days_left)
      alert(r.t->id, "months", "timer-sand", light_colour(Light::Amber),
            ui.t("dashboard.alert_months", {{"name", name},
                                            {"months", std::to_string(r.p.warning_months)},
                                            {"days", std::to_string(*r.p.days_left)}}));
    // What an internship needs: a decision near its end, the approval, a host over its ratio.
    for (const Reason& reason : r.p.reasons) {
      if (reason.code.rfind("internship_", 0) != 0 || reason.code == "internship_unconfirmed") continue;
      if (r.p.status == Guarantee::AtRisk && &reason == &r.p.reasons.front()) continue;  // the risk line says it
      const bool overrun = reason.code == "internship_overrun";
      const ImU32 c = overrun ? light_colour(Light::Red)
                      : reason.code == "internship_awaiting_approval" ? colour::primary
                                                                      : light_colour(Light::Amber);
      alert(r.t->id, reason.code, "briefcase", c,
            ui.t("dashboard.alert_internship", {{"name", name}, {"reason", ui.reason(reason)}}));
    }
    if (day_status(*r.t, last, ui.centre.rules(), today) == DayStatus::ForgottenCheckout)
      alert(r.t->id, "checkout", "logout-variant", light_colour(Light::Amber),
            ui.t("dashboard.alert_checkout", {{"name", name}, {"date", ui.date_short(last)}}));
  }
  // The trainees' answers to "when did you leave?": confirmed here, the day stays flagged until then.
  for (const Row& r : rows) {
    for (auto it = r.t->days.lower_bound(today - 14); it != r.t->days.end() && it->first < today; ++it) {
      const AttendanceDay& d = it->second;
      if (d.proposed_out < 0 || d.confirmed_out >= 0 || d.check_out >= 0) continue;
      const std::string name = first_name_last_initial(r.t->shown_name());
      alert(r.t->id, "proposed." + format_day(it->first), "weather-sunset", colour::primary,
            ui.t("dashboard.alert_proposed",
                 {{"name", name}, {"date", ui.date_short(it->first)}, {"time", format_clock(d.proposed_out)}}));
      const std::string id = "dashboard.confirm_checkout." + r.t->id + "." + format_day(it->first);
      if (ui.session.staff &&
          touch_button(ui, id, "check", ui.t("dashboard.confirm_checkout", {{"time", format_clock(d.proposed_out)}}),
                       ImVec2(w, m.target), {.tone = Tone::Success})) {
        Outcome out = ui.centre.execute(ConfirmCheckout{r.t->id, it->first, d.proposed_out}, ui.session.staff->actor);
        if (!out.ok()) ui.set_banner(ui.refusal(*out.refusal));
        return finish();  // the state changed under the loop
      }
      ImGui::Dummy(ImVec2(1, m.gap * 0.5f));
    }
  }
  if (!count) label(ui.icon("check-circle") + "  " + ui.t("dashboard.no_alerts"), ui.fonts.body, colour::success, w);
  finish();
  if (!open.empty()) open_review(ui, open);
}

void draw(Ui& ui) {
  Body body = begin_screen(ui, ui.t("dashboard.title"), "view-dashboard", true);
  const Metrics& m = ui.m;
  const State& s = ui.centre.state();
  const Day today = ui.centre.today();
  std::vector<Row> rows;
  int in_today = 0;
  for (const Trainee* t : all_trainees(s)) {
    rows.push_back({t, progress(*t, ui.centre.catalogue(), ui.centre.rules(), today)});
    if (presence_today(*t, today) == Presence::In) ++in_today;
  }
  // Those who need attention first (red, then amber), the rest as before:
  // by stage, then name.
  std::stable_sort(rows.begin(), rows.end(),
                   [](const Row& a, const Row& b) { return need_rank(light_of(a.p)) > need_rank(light_of(b.p)); });

  // Cards: capacity, in today, sync.
  const float card_h = m.target * 1.45f;
  const float cw = (body.size.x - 2 * m.gap) / 3;
  const int cap = s.capacity(ui.centre.rules().capacity), used = s.in_centre();
  card(ui, body.pos, ImVec2(cw, card_h), "account-multiple",
       ui.t("dashboard.capacity", {{"used", std::to_string(used)}, {"capacity", std::to_string(cap)}}),
       ui.t("dashboard.capacity_line"), used >= cap ? colour::danger : colour::primary, cap ? double(used) / cap : 0);
  card(ui, ImVec2(body.pos.x + cw + m.gap, body.pos.y), ImVec2(cw, card_h), "clock-in",
       ui.t("dashboard.in_today", {{"count", std::to_string(in_today)}}),
       ui.t("dashboard.in_today_line", {{"count", std::to_string(used)}}), colour::success,
       used ? double(in_today) / used : 0);
  std::string sync_head, sync_line;
  ImU32 sync_colour = colour::success;
  const char* sync_icon = "cloud-check";
  if (const auto status = ui.centre.sync_status(); !status) {
    sync_head = ui.t("sync.unreadable");
    sync_colour = colour::danger;
    sync_icon = "sync-alert";
  } else if (const SyncStatus& st = *status; !st.configured) {
    sync_head = ui.t("dashboard.sync_off");
    sync_line = ui.t("sync.not_configured_short");
    sync_colour = colour::warning;
    sync_icon = "sync-alert";
  } else {
    sync_head = ui.t("sync.pending", {{"count", std::to_string(st.pending)}});
    sync_line = st.last_error     ? ui.t("sync.failing")
                : st.last_success ? ui.t("sync.last_success", {{"time", *st.last_success}})
                                  : ui.t("sync.never");
    if (st.last_error || st.dead_letters) {
      sync_colour = colour::danger;
      sync_icon = "sync-alert";
    }
  }
  card(ui, ImVec2(body.pos.x + 2 * (cw + m.gap), body.pos.y), ImVec2(cw, card_h), sync_icon, sync_head, sync_line,
       sync_colour);

  const float top = body.pos.y + card_h + m.gap;
  const float h = body.pos.y + body.size.y - top;
  const float alerts_w = std::max(body.size.x * 0.32f, 380.0f * m.scale);
  table(ui, rows, ImVec2(body.pos.x, top), ImVec2(body.size.x - alerts_w - m.gap, h));
  alerts(ui, rows, ImVec2(body.pos.x + body.size.x - alerts_w, top), ImVec2(alerts_w, h));
  end_screen();
}

void demo(Ui& ui) {
  ui.demo_staff_session(Role::Supervisor);
  ui.show(ScreenId::Dashboard);
}

}  // namespace

void register_dashboard_screen(ScreenRegistry& r) {
  r.add({ScreenId::Dashboard, "dashboard", Access::Supervisor, draw, demo});
}

}  // namespace ft::ui
