// A supervisor's review of one trainee: the stage timeline against the
// 18-month limit, the guarantee status with its reasons, an attendance
// calendar beside the trend of skills at target (pictures from charts.hpp),
// skills by category; actions: change stage (with host company), record
// absence (kind and cause as pictograms), add a note.
//
// Sections: guarantee and skills · action panels (stage, absence, note) ·
// the screen.
#include "terminal/ui/screens/trainee.hpp"

#include <imgui.h>

#include <algorithm>
#include <set>

#include "terminal/core/text.hpp"
#include "terminal/ui/charts.hpp"
#include "terminal/ui/facts.hpp"
#include "terminal/ui/screen_registry.hpp"
#include "terminal/ui/screens/internship_agreement.hpp"
#include "terminal/ui/ui.hpp"
#include "terminal/ui/widgets.hpp"

namespace ft::ui {
namespace {

constexpr const char* kDefaultHost = "Elite Miljø A/S";

// ---- guarantee and skills -----------------------------------------------------------

void guarantee(Ui& ui, const Progress& p, float width) {
  const Light light = light_of(p);
  const ImVec2 a = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImFont* bf = ui.fonts.bold;
  const float r = bf->FontSize * 0.4f;
  status_dot(dl, ImVec2(a.x + r, a.y + bf->FontSize * 0.55f), r, light_colour(light));
  ImGui::SetCursorScreenPos(ImVec2(a.x + 3 * r, a.y));
  label(ui.t("review.guarantee") + ": " + ui.t(guarantee_key(p.status)), bf, colour::text, width - 3 * r);
  for (const Reason& reason : p.reasons) {
    ImGui::SetCursorScreenPos(ImVec2(a.x + 3 * r, ImGui::GetCursorScreenPos().y));
    label("• " + ui.reason(reason), ui.fonts.body, colour::text, width - 3 * r);
  }
}

void skills(Ui& ui, const Trainee& t, ImVec2 pos, ImVec2 size) {
  const Metrics& m = ui.m;
  ImGui::SetCursorPos(pos);
  label(ui.icon("star") + "  " + ui.t("review.skills"), ui.fonts.bold, colour::text, size.x);
  const float top = ImGui::GetCursorPosY();
  ImGui::SetCursorPos(ImVec2(pos.x, top));
  begin_scroll("review.skills", ImVec2(size.x, pos.y + size.y - top));
  const auto latest = t.latest_assessments();
  const float w = size.x - ImGui::GetStyle().ScrollbarSize - 6;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImFont* sf = ui.fonts.small;
  const float dot = sf->FontSize * 0.7f;
  const float pips_w = dot * 5.2f;
  for (const SkillCategory& c : ui.centre.catalogue().categories) {
    int at = 0, n = 0;
    for (const Skill& s : ui.centre.catalogue().skills)
      if (s.category == c.key) {
        ++n;
        auto it = latest.find(s.key);
        if (it != latest.end() && it->second->level >= s.target) ++at;
      }
    label(ui.icon(c.icon) + "  " + ui.category_label(c) + "  (" + std::to_string(at) + "/" + std::to_string(n) + ")",
          ui.fonts.bold, colour::text, w);
    for (const Skill& s : ui.centre.catalogue().skills) {
      if (s.category != c.key) continue;
      ImGui::Dummy(ImVec2(w, sf->FontSize * 1.35f));
      const ImVec2 a = ImGui::GetItemRectMin();
      auto it = latest.find(s.key);
      const int level = it == latest.end() ? 0 : it->second->level;
      std::string text = ui.icon(s.icon) + " " + ui.skill_label(s);
      const float avail = w - pips_w - m.gap * 0.5f;
      if (text_width(sf, text) > avail) {
        while (!text.empty() && text_width(sf, text + "…") > avail) {
          while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
          if (!text.empty()) text.pop_back();
        }
        text += "…";
      }
      dl->AddText(sf, sf->FontSize, a, level ? colour::text : colour::muted, text.c_str());
      level_pips(dl, ImVec2(a.x + w - pips_w, a.y + sf->FontSize * 0.2f), dot, level, s.target);
    }
  }
  end_scroll();
}

// ---- action panels ---------------------------------------------------------------------

void done(Ui& ui, const Outcome& out, const std::string& success) {
  ReviewDraft& d = ui.session.review;
  if (out.ok()) {
    const std::string keep = success;
    d = ReviewDraft{};
    d.message = keep;
  } else {
    d.message = ui.refusal(*out.refusal);
    d.message_is_error = true;
  }
}

std::vector<std::string> known_hosts(const State& s) {
  std::set<std::string> hosts = {kDefaultHost};
  for (const auto& [id, t] : s.trainees)
    for (const StageChange& sc : t.stages)
      if (!sc.host.empty()) hosts.insert(sc.host);
  return {hosts.begin(), hosts.end()};
}

// Lays out buttons left to right, wrapping; returns true for the tapped index.
template <typename Each>
void flow(Ui& ui, float width, size_t count, Each each) {
  const Metrics& m = ui.m;
  const float x0 = ImGui::GetCursorPosX();
  float x = x0;
  for (size_t i = 0; i < count; ++i) {
    const float w = each(i, false, 0.0f);
    if (x > x0 && x + w > x0 + width)
      x = x0;
    else if (x > x0)
      ImGui::SameLine();
    ImGui::SetCursorPosX(x);
    each(i, true, w);
    x += w + m.gap;
  }
}

void stage_panel(Ui& ui, const Trainee& t, ImVec2 pos, ImVec2 size, float bar_y) {
  ReviewDraft& d = ui.session.review;
  const Metrics& m = ui.m;
  ImGui::SetCursorPos(pos);
  // An internship with a registered host is an agreement (internship_agreement.hpp).
  const bool agreement = d.stage == Stage::Internship && has_registered_hosts(ui);
  if (agreement && d.typing_purpose) {
    agreement_fields(ui, t, pos, size);
  } else if (d.typing_host && d.stage) {
    // Typing a new host: the keyboard needs the room; the stage stays named.
    label(ui.t(stage_key(*d.stage)) + " – " + ui.t("review.host"), ui.fonts.bold, colour::text, size.x);
    const float kb_h = 5 * m.target + 4 * m.gap;
    ImGui::SetCursorPosX(pos.x);
    text_box(ui, d.host, ui.t("review.host_hint"),
             ImVec2(size.x, std::max(m.target, pos.y + size.y - kb_h - m.gap - ImGui::GetCursorPosY())));
    ImGui::SetCursorPosX(pos.x);
    keyboard(ui, "review.kb", d.host, kMaxHostChars, size.x);
  } else {
    label(ui.t("review.new_stage"), ui.fonts.bold, colour::text, size.x);
    const Stage choices[] = {Stage::Centre, Stage::Internship, Stage::Employed, Stage::Exited};
    ImGui::SetCursorPosX(pos.x);
    flow(ui, size.x, 4, [&](size_t i, bool draw, float w) {
      const Stage st = choices[i];
      const std::string text = ui.t(stage_key(st));
      if (!draw) return button_width(ui, stage_icon(st), text) + m.pad;
      if (touch_button(ui, std::string("review.stage.") + stage_name(st), stage_icon(st), text, ImVec2(w, 0),
                       {.tone = Tone::Neutral, .selected = d.stage == st,
                        .enabled = st != t.stage() || (st == Stage::Internship && has_registered_hosts(ui))}))
        d.stage = st;
      return w;
    });
    if (agreement) {
      fill_agreement_draft(ui, t);
      const float y = ImGui::GetCursorPosY();
      agreement_fields(ui, t, ImVec2(pos.x, y), ImVec2(size.x, pos.y + size.y - y));
    } else if (d.stage == Stage::Internship || d.stage == Stage::Employed) {
      ImGui::SetCursorPosX(pos.x);
      label(ui.t("review.host"), ui.fonts.bold, colour::text, size.x);
      const auto hosts = known_hosts(ui.centre.state());
      ImGui::SetCursorPosX(pos.x);
      flow(ui, size.x, hosts.size() + 1, [&](size_t i, bool draw, float w) {
        const bool other = i == hosts.size();
        const std::string text = other ? ui.t("review.host_other") : hosts[i];
        const char* icon = other ? "keyboard" : "domain";
        if (!draw) return std::min(size.x, button_width(ui, icon, text) + m.pad);
        const bool sel = other ? d.typing_host : (!d.typing_host && d.host == hosts[i]);
        if (touch_button(ui, other ? std::string("review.host.other") : "review.host." + std::to_string(i), icon, text,
                         ImVec2(w, 0), {.tone = Tone::Neutral, .selected = sel})) {
          d.typing_host = other;
          d.host = other ? std::string() : hosts[i];
        }
        return w;
      });
    }
    if (d.stage == Stage::Exited) {
      ImGui::SetCursorPosX(pos.x);
      label(ui.t("review.exit_reason"), ui.fonts.bold, colour::text, size.x);
      ImGui::SetCursorPosX(pos.x);
      constexpr size_t n = sizeof kExitReasons / sizeof kExitReasons[0];
      flow(ui, size.x, n, [&](size_t i, bool draw, float w) {
        const std::string text = ui.t(std::string("exit.") + kExitReasons[i]);
        if (!draw) return button_width(ui, "", text) + m.pad;
        if (touch_button(ui, std::string("review.exit.") + kExitReasons[i], "", text, ImVec2(w, 0),
                         {.tone = Tone::Neutral, .selected = d.exit_reason == kExitReasons[i]}))
          d.exit_reason = kExitReasons[i];
        return w;
      });
    }
  }
  if (agreement) {
    ImGui::SetCursorPos(ImVec2(pos.x + size.x - button_width(ui, "check", ui.t("review.save")), bar_y));
    if (d.typing_purpose) {
      if (touch_button(ui, "review.purpose_done", "check", ui.t("review.save"), ImVec2(0, 0), {.tone = Tone::Success}))
        d.typing_purpose = false;
    } else if (touch_button(ui, "review.save", "check", ui.t("review.save"), ImVec2(0, 0),
                            {.tone = Tone::Success, .enabled = agreement_ready(ui)})) {
      const Outcome out = ui.centre.execute(agreement_command(ui, t), ui.session.staff->actor);
      std::string saved = ui.t("review.agreement_saved");
      if (out.notice) saved += " " + refusal_text(ui.translations(), *out.notice, "notice.");
      done(ui, out, saved);
    }
    return;
  }
  const bool needs_host = d.stage == Stage::Internship || d.stage == Stage::Employed;
  const bool needs_reason = d.stage == Stage::Exited;
  const bool ready = d.stage && (!needs_host || !trim(d.host).empty()) && (!needs_reason || !d.exit_reason.empty());
  ImGui::SetCursorPos(ImVec2(pos.x + size.x - button_width(ui, "check", ui.t("review.save")), bar_y));
  if (touch_button(ui, "review.save", "check", ui.t("review.save"), ImVec2(0, 0),
                   {.tone = Tone::Success, .enabled = ready})) {
    ChangeStage cmd{t.id, *d.stage, needs_host ? trim(d.host) : std::string(),
                    needs_reason ? d.exit_reason : std::string()};
    const std::string what = ui.t(stage_key(*d.stage));
    done(ui, ui.centre.execute(cmd, ui.session.staff->actor), ui.t("review.stage_changed", {{"stage", what}}));
  }
}

void absence_panel(Ui& ui, const Trainee& t, ImVec2 pos, ImVec2 size, float bar_y) {
  ReviewDraft& d = ui.session.review;
  const Metrics& m = ui.m;
  const Day today = ui.centre.today();
  std::vector<Day> days;  // today and the expected days before it
  for (Day day = today; days.size() < 10 && day > today - 30; --day)
    if (is_expected_day(day, ui.centre.rules())) days.push_back(day);
  ImGui::SetCursorPos(pos);
  label(ui.t("review.absence_day"), ui.fonts.bold, colour::text, size.x);
  ImGui::SetCursorPosX(pos.x);
  const float dw = (size.x - 4 * m.gap) / 5;
  for (size_t i = 0; i < days.size(); ++i) {
    if (i % 5)
      ImGui::SameLine();
    else
      ImGui::SetCursorPosX(pos.x);
    const std::string text = ui.weekday_short(days[i]) + " " + ui.date_short(days[i]);
    if (touch_button(ui, "review.day." + std::to_string(i), "", text, ImVec2(dw, 0),
                     {.tone = Tone::Neutral, .selected = d.absence_back == int(i), .font = ui.fonts.body}))
      d.absence_back = int(i);
  }
  ImGui::SetCursorPosX(pos.x);
  label(ui.t("review.absence_kind"), ui.fonts.bold, colour::text, size.x);
  struct KindChoice {
    AbsenceKind kind;
    const char* icon;
  };
  const KindChoice kinds[] = {{AbsenceKind::Sick, "thermometer"},
                              {AbsenceKind::Legitimate, "calendar-check"},
                              {AbsenceKind::NotLegitimate, "close-circle"}};
  const float kw = (size.x - 2 * m.gap) / 3;
  for (int i = 0; i < 3; ++i) {
    if (i)
      ImGui::SameLine();
    else
      ImGui::SetCursorPosX(pos.x);
    if (touch_button(ui, std::string("review.kind.") + absence_kind_name(kinds[i].kind), kinds[i].icon,
                     ui.t(std::string("absence.") + absence_kind_name(kinds[i].kind)), ImVec2(kw, 0),
                     {.tone = Tone::Neutral, .selected = d.kind == kinds[i].kind}))
      d.kind = kinds[i].kind;
  }
  ImGui::SetCursorPosX(pos.x);
  label(ui.t("review.absence_cause"), ui.fonts.bold, colour::text, size.x);

  constexpr size_t n = sizeof kAbsenceCauses / sizeof kAbsenceCauses[0];
  const float cw = (size.x - (n - 1) * m.gap) / n;
  for (size_t i = 0; i < n; ++i) {
    if (i)
      ImGui::SameLine();
    else
      ImGui::SetCursorPosX(pos.x);
    if (touch_button(
            ui, std::string("review.cause.") + kAbsenceCauses[i], cause_icon(kAbsenceCauses[i]),
            ui.t(std::string("cause.") + kAbsenceCauses[i]), ImVec2(cw, m.target * 1.5f),
            {.tone = Tone::Neutral, .selected = d.cause == kAbsenceCauses[i], .stacked = true, .font = ui.fonts.small}))
      d.cause = kAbsenceCauses[i];
  }
  const bool ready = d.kind && !d.cause.empty() && d.absence_back < int(days.size());
  ImGui::SetCursorPos(ImVec2(pos.x + size.x - button_width(ui, "check", ui.t("review.save")), bar_y));
  if (touch_button(ui, "review.save", "check", ui.t("review.save"), ImVec2(0, 0),
                   {.tone = Tone::Success, .enabled = ready})) {
    const Day day = days[size_t(d.absence_back)];
    RecordAbsence cmd{t.id, day, *d.kind, d.cause};
    done(ui, ui.centre.execute(cmd, ui.session.staff->actor),
         ui.t("review.absence_saved", {{"date", ui.date_short(day)}}));
  }
}

void note_panel(Ui& ui, const Trainee& t, ImVec2 pos, ImVec2 size, float bar_y) {
  ReviewDraft& d = ui.session.review;
  const Metrics& m = ui.m;
  const float kb_h = 5 * m.target + 4 * m.gap;
  const float box_h = std::max(m.target, size.y - kb_h - m.gap);
  ImGui::SetCursorPos(pos);
  text_box(ui, d.note, ui.t("review.note_hint"), ImVec2(size.x, box_h));
  ImGui::SetCursorPosX(pos.x);
  keyboard(ui, "review.kb", d.note, kMaxNoteChars, size.x);
  // "May be shared" sits in the action bar, right of Back.
  ImGui::SetCursorPos(ImVec2(pos.x + button_width(ui, "arrow-left", ui.t("review.cancel")) + m.gap, bar_y));
  if (touch_button(ui, "review.note_shared", d.note_shared ? "checkbox-marked" : "checkbox-blank-outline",
                   ui.t("review.note_shared"), ImVec2(0, 0), {.tone = Tone::Neutral, .selected = d.note_shared}))
    d.note_shared = !d.note_shared;
  ImGui::SetCursorPos(ImVec2(pos.x + size.x - button_width(ui, "check", ui.t("review.save")), bar_y));
  if (touch_button(ui, "review.save", "check", ui.t("review.save"), ImVec2(0, 0),
                   {.tone = Tone::Success, .enabled = !trim(d.note).empty()})) {
    AddNote cmd{t.id, trim(d.note), d.note_shared, false};
    done(ui, ui.centre.execute(cmd, ui.session.staff->actor), ui.t("review.note_saved"));
  }
}

// ---- the screen -------------------------------------------------------------------------

void header(Ui& ui, const Trainee& t, const Progress& p, Body body) {
  const Metrics& m = ui.m;
  const float r = m.target * 0.5f;
  const ImVec2 wp = ImGui::GetWindowPos();
  avatar(ui, ImVec2(wp.x + body.pos.x + r, wp.y + body.pos.y + r), r, t.id, t.shown_name());
  ImGui::SetCursorPos(ImVec2(body.pos.x + 2 * r + m.gap, body.pos.y));
  const Light light = light_of(p);
  const std::string status = ui.t(guarantee_key(p.status));
  ImFont* bf = ui.fonts.bold;
  const float sw = text_width(bf, status) + 2 * m.pad + bf->FontSize;  // the guarantee light's width
  ImGui::BeginGroup();
  label(t.shown_name(), ui.fonts.title, colour::text, body.size.x * 0.6f);
  // The stage, and for an internship its agreement: host, hours, end and the
  // jobcentre's approval, on one line up to the guarantee light.
  const float w = body.size.x - 2 * r - 2 * m.gap - sw;
  std::string line = ui.icon(stage_icon(t.stage())) + " " + ui.t(stage_key(t.stage()));
  if (const auto v = current_internship(t, ui.centre.today())) {
    line += " · " + agreement_summary(ui, *v, ui.centre.today());
    ui.shown.insert("review.agreement");
  } else if (!t.host().empty()) {
    line += " · " + t.host();
  }
  if (text_width(ui.fonts.body, line) > w) ui.report_overflow("review.stage_line");
  label(line, ui.fonts.body, colour::muted, w);
  ImGui::EndGroup();
  // The guarantee light, top right.
  const ImVec2 a(wp.x + body.pos.x + body.size.x - sw, wp.y + body.pos.y);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  framed_rect(dl, a, ImVec2(a.x + sw, a.y + m.target), light_soft(light), light_colour(light), m.radius, 3.0f);
  status_dot(dl, ImVec2(a.x + m.pad * 0.5f + bf->FontSize * 0.4f, a.y + m.target * 0.5f), bf->FontSize * 0.35f,
             light_colour(light));
  dl->AddText(bf, bf->FontSize, ImVec2(a.x + m.pad * 0.5f + bf->FontSize, a.y + (m.target - bf->FontSize) * 0.5f),
              colour::text, status.c_str());
}

void draw(Ui& ui) {
  const Trainee* t = ui.centre.state().trainee(ui.session.subject_id);
  Body body = begin_screen(ui, ui.t("review.title"), "account-check", true);
  if (!t || !ui.session.staff) {
    ImGui::SetCursorPos(body.pos);
    label(ui.t("review.nobody"), ui.fonts.bold, colour::muted, body.size.x);
    end_screen();
    return;
  }
  const Metrics& m = ui.m;
  ReviewDraft& d = ui.session.review;
  const Progress p = progress(*t, ui.centre.catalogue(), ui.centre.rules(), ui.centre.today());
  header(ui, *t, p, body);
  float top = body.pos.y + m.target + m.gap;
  if (!d.message.empty()) {
    ImGui::SetCursorPos(ImVec2(body.pos.x, top));
    label(ui.icon(d.message_is_error ? "alert-circle" : "check-circle") + "  " + d.message, ui.fonts.bold,
          d.message_is_error ? colour::danger : colour::success, body.size.x);
    top = ImGui::GetCursorPosY();
  }
  const float bottom = body.pos.y + body.size.y - m.target;  // the action bar
  const ImVec2 pos(body.pos.x, top), size(body.size.x, bottom - m.gap - top);

  if (d.panel == ReviewDraft::Stage)
    stage_panel(ui, *t, pos, size, bottom);
  else if (d.panel == ReviewDraft::Absence)
    absence_panel(ui, *t, pos, size, bottom);
  else if (d.panel == ReviewDraft::Note)
    note_panel(ui, *t, pos, size, bottom);
  else {
    const float left_w = size.x * 0.56f;
    // On a small screen (1024x600) the timeline and the guarantee leave the charts no room:
    // they keep a height to be read at, and the column scrolls rather than running under the action bar.
    ImGui::SetCursorPos(pos);
    begin_scroll("review.overview", ImVec2(left_w, size.y));
    const float w = ImGui::GetContentRegionAvail().x;
    timeline(ui, *t, p, w);
    guarantee(ui, p, w);
    ImGui::Dummy(ImVec2(1, m.gap * 0.5f));
    // Calendar and trend side by side below: each keeps the full height, so the calendar shows
    // weeks enough to read a pattern and the trend is tall enough to see a gap to the curve.
    const float cal_w = (w - m.gap) * 0.44f;
    const float y = ImGui::GetCursorPosY();
    const float h = std::max(size.y - y, trend_chart_least_height(ui, w - cal_w - m.gap));
    calendar(ui, *t, p, cal_w, h);
    ImGui::SetCursorPos(ImVec2(cal_w + m.gap, y));
    trend_chart(ui, *t, p, ImVec2(w - cal_w - m.gap, h));
    ImGui::EndChild();
    skills(ui, *t, ImVec2(pos.x + left_w + m.gap * 1.5f, pos.y), ImVec2(size.x - left_w - m.gap * 1.5f, size.y));
  }

  // Action bar: the three actions, or "back" while one is open.
  ImGui::SetCursorPos(ImVec2(body.pos.x, bottom));
  if (d.panel != ReviewDraft::None) {
    if (touch_button(ui, "review.cancel", "arrow-left", ui.t("review.cancel"), ImVec2(0, 0), {.tone = Tone::Neutral}))
      d = ReviewDraft{};
  } else {
    struct Action {
      ReviewDraft::Panel panel;
      const char* id;
      const char* icon;
      const char* key;
      bool allowed;
    };
    const Action actions[] = {
        {ReviewDraft::Stage, "review.change_stage", "swap-horizontal", "review.change_stage", ui.is_supervisor()},
        {ReviewDraft::Absence, "review.record_absence", "calendar-remove", "review.record_absence", ui.is_supervisor()},
        {ReviewDraft::Note, "review.add_note", "note-plus", "review.add_note", true},
    };
    // A fourth: practice the board, the PIN pad and the own page with this trainee (nothing is saved).
    const bool may_practise = ui.is_supervisor() && t->stage() == Stage::Centre;
    const int n = may_practise ? 4 : 3;
    const float w = (body.size.x - (n - 1) * m.gap) / n;
    for (int i = 0; i < 3; ++i) {
      if (i) ImGui::SameLine();
      const Action& a = actions[i];
      if (touch_button(ui, a.id, a.icon, ui.t(a.key), ImVec2(w, m.target),
                       {.tone = Tone::Primary, .enabled = a.allowed})) {
        d = ReviewDraft{};
        d.panel = a.panel;
      }
    }
    if (may_practise) {
      ImGui::SameLine();
      if (touch_button(ui, "review.practice", "school", ui.t("review.practice"), ImVec2(w, m.target),
                       {.tone = Tone::Warning})) {
        ui.start_practice(t->id);
        end_screen();
        return;
      }
    }
  }
  end_screen();
}

void demo(Ui& ui) {
  ui.demo_staff_session(Role::Supervisor);
  // An at-risk trainee in the centre shows reasons; else the first one.
  const Trainee* pick = nullptr;
  for (const Trainee* t : trainees_in(ui.centre.state(), {Stage::Centre, Stage::Internship})) {
    if (!pick) pick = t;
    if (progress(*t, ui.centre.catalogue(), ui.centre.rules(), ui.centre.today()).status == Guarantee::AtRisk) {
      pick = t;
      break;
    }
  }
  ui.show(ScreenId::Trainee);
  if (pick) ui.identify_trainee(pick->id, false);
}

// The review of the trainee whose internship ends soonest: the agreement, its
// days left and the approval, with the reason asking for a decision.
void internship_demo(Ui& ui) {
  ui.demo_staff_session(Role::Supervisor);
  const Day today = ui.centre.today();
  const Trainee* pick = nullptr;
  int fewest = 0;
  for (const Trainee* t : trainees_in(ui.centre.state(), {Stage::Internship}))
    if (const auto v = current_internship(*t, today); v && (!pick || v->days_left < fewest)) {
      pick = t;
      fewest = v->days_left;
    }
  ui.show(ScreenId::Trainee);
  if (!pick) return;
  ui.identify_trainee(pick->id, false);
  ui.show(ScreenId::TraineeInternship);
}

// The stage panel asking for an internship agreement for a trainee in the
// centre, a host chosen and a purpose typed, as just before Save.
void agreement_demo(Ui& ui) {
  ui.demo_staff_session(Role::Supervisor);
  const auto in_centre = trainees_in(ui.centre.state(), {Stage::Centre});
  ui.show(ScreenId::Trainee);
  if (in_centre.empty() || !has_registered_hosts(ui)) return;
  ui.identify_trainee(in_centre.front()->id, false);
  ReviewDraft& d = ui.session.review;
  d.panel = ReviewDraft::Stage;
  d.stage = Stage::Internship;
  fill_agreement_draft(ui, *in_centre.front());
  d.host_cvr = ui.centre.state().hosts.begin()->first;
  d.purpose = "Afprøve kontorrengøring om morgenen og faste mødetider";
  ui.show(ScreenId::InternshipAgreement);
}

}  // namespace

void register_trainee_screen(ScreenRegistry& r) {
  r.add({ScreenId::Trainee, "trainee", Access::Staff, draw, demo, [](Session& s) { s.review = ReviewDraft{}; }});
  r.add({ScreenId::TraineeInternship, "trainee-internship", Access::Staff, draw, internship_demo});
  r.add({ScreenId::InternshipAgreement, "internship-agreement", Access::Supervisor, draw, agreement_demo});
}

}  // namespace ft::ui
