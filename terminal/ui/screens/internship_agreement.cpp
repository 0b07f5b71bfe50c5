// See internship_agreement.hpp. Sections: summaries · the draft · the fields.
#include "terminal/ui/screens/internship_agreement.hpp"

#include <imgui.h>

#include <algorithm>

#include "terminal/core/text.hpp"
#include "terminal/ui/ui.hpp"
#include "terminal/ui/widgets.hpp"

namespace ft::ui {

// ---- summaries --------------------------------------------------------------------------

std::string agreement_summary(Ui& ui, const InternshipView& v, Day today) {
  const Agreement& a = *v.agreement;
  std::string s = ui.t("internship.summary", {{"host", a.host}, {"hours", std::to_string(a.hours)}});
  if (v.days_over > 0)
    s += " · " + ui.t("internship.over", {{"date", ui.date_short(v.ends)}, {"days", std::to_string(v.days_over)}});
  else
    s += " · " + ui.t("internship.ends", {{"date", ui.date_short(v.ends)}, {"days", std::to_string(v.ends - today)}});
  s += " · " + (v.approved_weeks ? ui.t("internship.approved", {{"weeks", std::to_string(*v.approved_weeks)}})
                                 : ui.t("internship.awaiting", {{"weeks", std::to_string(a.weeks)}}));
  return s;
}

std::string agreement_short(Ui& ui, const InternshipView& v) {
  if (v.days_over > 0) return ui.t("internship.short_over", {{"days", std::to_string(v.days_over)}});
  if (!v.approved_weeks) return ui.t("internship.short_awaiting");
  return ui.t("internship.short_left", {{"days", std::to_string(v.days_left)}});
}

// ---- the draft --------------------------------------------------------------------------

bool has_registered_hosts(const Ui& ui) { return !ui.centre.state().hosts.empty(); }

void fill_agreement_draft(Ui& ui, const Trainee& t) {
  ReviewDraft& d = ui.session.review;
  if (d.agreement_filled) return;
  d.agreement_filled = true;
  d.start = ui.centre.today();
  if (const Approval* a = current_approval(t)) d.weeks = a->weeks;
  if (const Agreement* a = current_agreement(t); a && t.stage() == Stage::Internship) {
    // An extension: the same agreement, to be lengthened.
    d.host_cvr = a->cvr;
    d.start = a->start;
    d.weeks = std::max(d.weeks, a->weeks);
    d.hours = a->hours;
    d.purpose = a->purpose;
  }
}

bool agreement_ready(const Ui& ui) {
  const ReviewDraft& d = ui.session.review;
  return !d.host_cvr.empty() && !trim(d.purpose).empty() && d.weeks > 0 && d.hours > 0;
}

AgreeInternship agreement_command(const Ui& ui, const Trainee& t) {
  const ReviewDraft& d = ui.session.review;
  return AgreeInternship{t.id, d.host_cvr, d.start, d.weeks, d.hours, trim(d.purpose)};
}

// ---- the fields -------------------------------------------------------------------------

namespace {

// "−  13  +" under a label; the value between the buttons.
void stepper(Ui& ui, const std::string& id, const std::string& title, int& value, int min, int max, float width) {
  const Metrics& m = ui.m;
  const float x = ImGui::GetCursorPosX();
  label(title, ui.fonts.bold, colour::text, width);
  ImGui::SetCursorPosX(x);
  const float bw = m.target * 1.1f;
  if (touch_button(ui, id + ".minus", "minus", "", ImVec2(bw, m.target), {.tone = Tone::Neutral, .enabled = value > min}))
    --value;
  ImGui::SameLine();
  const float vw = width - 2 * bw - 2 * m.gap;
  ImGui::Dummy(ImVec2(vw, m.target));
  const ImVec2 a = ImGui::GetItemRectMin();
  const std::string text = std::to_string(value);
  ImFont* f = ui.fonts.title;
  ImGui::GetWindowDrawList()->AddText(f, f->FontSize,
                                      ImVec2(a.x + (vw - text_width(f, text)) * 0.5f, a.y + (m.target - f->FontSize) * 0.5f),
                                      colour::text, text.c_str());
  ImGui::SameLine();
  if (touch_button(ui, id + ".plus", "plus", "", ImVec2(bw, m.target), {.tone = Tone::Neutral, .enabled = value < max}))
    ++value;
}

Day next_monday(Day today) { return today + (7 - weekday(today)); }

}  // namespace

namespace {

// The form itself, `width` wide from the left edge of the current window.
void agreement_form(Ui& ui, const Trainee& t, float width);

}  // namespace

void agreement_fields(Ui& ui, const Trainee& t, ImVec2 pos, ImVec2 size) {
  ReviewDraft& d = ui.session.review;
  const Metrics& m = ui.m;
  if (d.typing_purpose) {
    // Typing the purpose: the keyboard needs the room; what it is for stays named.
    ImGui::SetCursorPos(pos);
    label(ui.t("review.purpose"), ui.fonts.bold, colour::text, size.x);
    const float kb_h = 5 * m.target + 4 * m.gap;
    ImGui::SetCursorPosX(pos.x);
    text_box(ui, d.purpose, ui.t("review.purpose_hint"),
             ImVec2(size.x, std::max(m.target, pos.y + size.y - kb_h - m.gap - ImGui::GetCursorPosY())));
    ImGui::SetCursorPosX(pos.x);
    keyboard(ui, "review.kb", d.purpose, kMaxNoteChars, size.x);
    return;
  }
  // The hosts wrap onto more rows as firms are registered, and a small screen
  // has no room for all of it: the form scrolls rather than running under the
  // screen's Back and Save.
  ImGui::SetCursorPos(pos);
  begin_scroll("review.agreement", size);
  agreement_form(ui, t, ImGui::GetContentRegionAvail().x);
  ImGui::EndChild();
}

namespace {

void agreement_form(Ui& ui, const Trainee& t, float width) {
  ReviewDraft& d = ui.session.review;
  const Metrics& m = ui.m;
  const Day today = ui.centre.today();
  const ImVec2 pos(0, 0), size(width, 0);
  // The host firms, as registered (with their CVR numbers) through `floor-terminal host`.
  ImGui::SetCursorPosX(pos.x);
  label(ui.t("review.host"), ui.fonts.bold, colour::text, size.x);
  ImGui::SetCursorPosX(pos.x);
  const float x0 = pos.x;
  float x = x0;
  for (const auto& load : host_loads(ui.centre.state())) {
    const Host& h = *load.host;
    // The host's line: how many are placed there and the places its size gives (hosts.hpp).
    // A host over its ratio can still be chosen (DOMAIN.md: flagged, not refused); it says so.
    const std::string line = ui.t(load.over() ? "review.host_over" : "review.host_places",
                                  {{"placed", std::to_string(load.placed)}, {"places", std::to_string(load.places)}});
    const char* icon = load.over() ? "alert" : "domain";
    const float words = std::max(text_width(ui.fonts.bold, h.name), text_width(ui.fonts.small, line));
    const float w = std::min(size.x, button_width(ui, icon, "") + m.gap * 0.5f + words + tick_room(ui));
    if (x > x0 && x + w > x0 + size.x)
      x = x0;
    else if (x > x0)
      ImGui::SameLine();
    ImGui::SetCursorPosX(x);
    if (touch_button(ui, "review.agreement.host." + h.cvr, icon, h.name, ImVec2(w, 0),
                     {.tone = Tone::Neutral, .selected = d.host_cvr == h.cvr, .sub = line}))
      d.host_cvr = h.cvr;
    x += w + m.gap;
  }
  // Start, weeks and hours side by side.
  ImGui::SetCursorPosX(pos.x);
  const float y = ImGui::GetCursorPosY();
  const float col = (size.x - 2 * m.gap) / 3;
  ImGui::SetCursorPos(ImVec2(pos.x, y));
  ImGui::BeginGroup();
  label(ui.t("review.start"), ui.fonts.bold, colour::text, col);
  const Agreement* current = t.stage() == Stage::Internship ? current_agreement(t) : nullptr;
  struct StartChoice {
    const char* id;
    Day day;
    std::string text;
  };
  std::vector<StartChoice> starts = {{"today", today, ui.t("review.start_today")},
                                     {"monday", next_monday(today), ui.t("review.start_monday", {{"date", ui.date_short(next_monday(today))}})}};
  if (current) starts.insert(starts.begin(), {"agreed", current->start, ui.t("review.start_agreed", {{"date", ui.date_short(current->start)}})});
  const float sw = (col - (starts.size() - 1) * m.gap) / starts.size();
  for (size_t i = 0; i < starts.size(); ++i) {
    if (i) ImGui::SameLine();
    if (touch_button(ui, std::string("review.agreement.start.") + starts[i].id, "", starts[i].text, ImVec2(sw, m.target),
                     {.tone = Tone::Neutral, .selected = d.start == starts[i].day, .font = ui.fonts.small}))
      d.start = starts[i].day;
  }
  ImGui::EndGroup();
  ImGui::SetCursorPos(ImVec2(pos.x + col + m.gap, y));
  ImGui::BeginGroup();
  stepper(ui, "review.agreement.weeks", ui.t("review.weeks"), d.weeks, 1, kMaxInternshipWeeks, col);
  ImGui::EndGroup();
  ImGui::SetCursorPos(ImVec2(pos.x + 2 * (col + m.gap), y));
  ImGui::BeginGroup();
  stepper(ui, "review.agreement.hours", ui.t("review.hours"), d.hours, 1, kMaxInternshipHours, col);
  ImGui::EndGroup();
  // The purpose: a wide button that shows it and opens the keyboard.
  ImGui::SetCursorPosX(pos.x);
  label(ui.t("review.purpose"), ui.fonts.bold, colour::text, size.x);
  ImGui::SetCursorPosX(pos.x);
  std::string shown = trim(d.purpose).empty() ? ui.t("review.purpose_hint") : d.purpose;
  ImFont* f = ui.fonts.body;
  const float avail = size.x - m.pad * 2 - f->FontSize * 1.5f;
  if (text_width(f, shown) > avail) {
    while (!shown.empty() && text_width(f, shown + "…") > avail) {
      while (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0xC0) == 0x80) shown.pop_back();
      if (!shown.empty()) shown.pop_back();
    }
    shown += "…";
  }
  if (touch_button(ui, "review.agreement.purpose", "pencil", shown, ImVec2(size.x, m.target),
                   {.tone = Tone::Neutral, .selected = !trim(d.purpose).empty()}))
    d.typing_purpose = true;
}

}  // namespace

}  // namespace ft::ui
