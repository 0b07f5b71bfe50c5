// Assess: an instructor logs a skill for one trainee or a group.
//   1 choose trainees (tiles, several at once) -> Next
//   2 choose the skill (icon grid grouped by category) -> straight on
//   3 choose the level (1–4 in the words of the skill's scale), note optional -> Save
// One skill for one trainee: trainee, Next, skill, level, Save = 5 taps.
// After saving, the same group stays chosen for the next skill.
#include <imgui.h>

#include <algorithm>

#include "terminal/core/text.hpp"
#include "terminal/ui/facts.hpp"
#include "terminal/ui/screen_registry.hpp"
#include "terminal/ui/ui.hpp"
#include "terminal/ui/widgets.hpp"

namespace ft::ui {
namespace {

std::string chosen_names(Ui& ui) {
  std::string out;
  for (const auto& id : ui.session.assess.trainees)
    if (const Trainee* t = ui.centre.state().trainee(id)) {
      if (!out.empty()) out += ", ";
      out += first_name_last_initial(t->shown_name());
    }
  return out;
}

// The three steps as tabs; a finished step can be tapped to go back to it.
void steps(Ui& ui, Body body) {
  AssessDraft& d = ui.session.assess;
  const Metrics& m = ui.m;
  const float w = (body.size.x - 2 * m.gap) / 3;
  struct StepTab {
    AssessDraft::Step step;
    const char* icon;
    std::string text;
    bool reachable;
  };
  const StepTab tabs[] = {
      {AssessDraft::Trainees, "account-multiple",
       ui.t("assess.step_trainees", {{"count", std::to_string(d.trainees.size())}}), true},
      {AssessDraft::Skill, "star", ui.t("assess.step_skill"), !d.trainees.empty()},
      {AssessDraft::Level, "chart-bar", ui.t("assess.step_level"), !d.trainees.empty() && !d.skill.empty()},
  };
  ImGui::SetCursorPos(body.pos);
  for (int i = 0; i < 3; ++i) {
    if (i) ImGui::SameLine();
    const StepTab& tab = tabs[i];
    if (touch_button(ui, "assess.tab." + std::to_string(i), tab.icon, tab.text, ImVec2(w, m.target),
                     {.tone = Tone::Neutral, .selected = d.step == tab.step, .enabled = tab.reachable}))
      d.step = tab.step;
  }
}

void choose_trainees(Ui& ui, ImVec2 pos, ImVec2 size) {
  AssessDraft& d = ui.session.assess;
  const Metrics& m = ui.m;
  const float bottom = m.target + m.gap;
  ImGui::SetCursorPos(pos);
  begin_scroll("assess.trainees", ImVec2(size.x, size.y - bottom));
  auto people = trainees_in(ui.centre.state(), {Stage::Centre, Stage::Internship});
  const float avail = size.x - ImGui::GetStyle().ScrollbarSize - 4;
  const int cols = std::max(2, int((avail + m.gap) / (300.0f * m.scale + m.gap)));
  const float w = (avail - (cols - 1) * m.gap) / cols;
  for (size_t i = 0; i < people.size(); ++i) {
    if (i % cols) ImGui::SameLine();
    const Trainee& t = *people[i];
    const bool on = d.trainees.count(t.id) > 0;
    if (touch_button(ui, "assess.trainee." + t.id, "", first_name_last_initial(t.shown_name()),
                     ImVec2(w, m.target * 1.25f),
                     {.tone = Tone::Ghost,
                      .selected = on,
                      .sub = ui.t(stage_key(t.stage())),
                      .avatar_id = t.id,
                      .avatar_name = t.shown_name()})) {
      if (on)
        d.trainees.erase(t.id);
      else
        d.trainees.insert(t.id);
    }
  }
  if (people.empty()) label(ui.t("assess.nobody"), ui.fonts.bold, colour::muted, avail);
  end_scroll();

  const float y = pos.y + size.y - m.target;
  ImGui::SetCursorPos(ImVec2(pos.x, y));
  if (touch_button(ui, "assess.clear", "close", ui.t("assess.clear"), ImVec2(0, 0),
                   {.tone = Tone::Neutral, .enabled = !d.trainees.empty()}))
    d.trainees.clear();
  const std::string next = ui.t("assess.next", {{"count", std::to_string(d.trainees.size())}});
  const float nw = button_width(ui, "arrow-right", next);
  ImGui::SetCursorPos(ImVec2(pos.x + size.x - nw, y));
  if (touch_button(ui, "assess.next", "arrow-right", next, ImVec2(nw, m.target),
                   {.tone = Tone::Primary, .enabled = !d.trainees.empty()}))
    d.step = AssessDraft::Skill;
}

void choose_skill(Ui& ui, ImVec2 pos, ImVec2 size) {
  AssessDraft& d = ui.session.assess;
  const Metrics& m = ui.m;
  const Catalogue& cat = ui.centre.catalogue();
  ImGui::SetCursorPos(pos);
  begin_scroll("assess.skills", size);
  const float avail = size.x - ImGui::GetStyle().ScrollbarSize - 4;
  const int cols = std::max(2, int((avail + m.gap) / (270.0f * m.scale + m.gap)));
  const float w = (avail - (cols - 1) * m.gap) / cols;
  const float h = m.target * 1.75f;
  auto latest_for = [&](const std::string& skill) -> int {  // shown when one trainee is chosen
    if (d.trainees.size() != 1) return 0;
    const Trainee* t = ui.centre.state().trainee(*d.trainees.begin());
    if (!t) return 0;
    auto latest = t->latest_assessments();
    auto it = latest.find(skill);
    return it == latest.end() ? 0 : it->second->level;
  };
  for (const SkillCategory& c : cat.categories) {
    label(ui.icon(c.icon) + "  " + ui.category_label(c), ui.fonts.title, colour::text, avail);
    int n = 0;
    for (const Skill& s : cat.skills) {
      if (s.category != c.key) continue;
      if (n++ % cols) ImGui::SameLine();
      const int level = latest_for(s.key);
      const std::string sub = level ? ui.t("assess.now", {{"level", ui.level_word(s, level)}}) : std::string();
      if (touch_button(ui, "assess.skill." + s.key, s.icon, ui.skill_label(s), ImVec2(w, h),
                       {.tone = Tone::Ghost,
                        .selected = d.skill == s.key,
                        .stacked = true,
                        .font = ui.fonts.body,
                        .sub = sub})) {
        d.skill = s.key;
        d.level = 0;
        d.step = AssessDraft::Level;
        d.saved.clear();
        d.error.clear();
      }
    }
  }
  end_scroll();
}

void choose_level(Ui& ui, ImVec2 pos, ImVec2 size) {
  AssessDraft& d = ui.session.assess;
  const Metrics& m = ui.m;
  const Skill* s = ui.centre.catalogue().find(d.skill);
  if (!s) {
    d.step = AssessDraft::Skill;
    return;
  }
  const float save_y = pos.y + size.y - m.target;
  const std::string scale = s->scale == SkillScale::Trade ? "trade" : "behaviour";
  ImGui::SetCursorPos(pos);
  if (d.note_open) {
    // Typing: the keyboard needs the room; the chosen level stays named in the heading.
    std::string head = ui.icon(s->icon) + "  " + ui.skill_label(*s);
    if (d.level) head += " – " + std::to_string(d.level) + " " + ui.level_word(*s, d.level);
    label(head, ui.fonts.bold, colour::text, size.x);
    const float kb_h = 5 * m.target + 4 * m.gap;
    const float kb_y = save_y - m.gap - kb_h;
    const float box_y = ImGui::GetCursorPosY();
    ImGui::SetCursorPosX(pos.x);
    text_box(ui, d.note, ui.t("assess.note_hint"), ImVec2(size.x, std::max(m.target, kb_y - m.gap - box_y)));
    ImGui::SetCursorPos(ImVec2(pos.x, std::max(kb_y, ImGui::GetCursorPosY())));
    keyboard(ui, "assess.kb", d.note, kMaxNoteChars, size.x);
  } else {
    label(ui.icon(s->icon) + "  " + ui.skill_label(*s), ui.fonts.title, colour::text, size.x);
    ImGui::SetCursorPosX(pos.x);
    label(ui.t("assess.for", {{"names", chosen_names(ui)}}), ui.fonts.body, colour::muted, size.x);
    ImGui::SetCursorPosX(pos.x);
    const float w = (size.x - 3 * m.gap) / 4;
    const float h = std::min(m.target * 2.2f, save_y - m.gap - ImGui::GetCursorPosY());
    for (int level = 1; level <= 4; ++level) {
      if (level > 1) ImGui::SameLine();
      if (touch_button(ui, "assess.level." + std::to_string(level), "",
                       std::to_string(level) + "  " + ui.level_word(*s, level), ImVec2(w, h),
                       {.tone = Tone::Ghost,
                        .selected = d.level == level,
                        .stacked = true,
                        .sub = ui.t("level." + scale + "." + std::to_string(level) + ".hint")}))
        d.level = level;
    }
    if (!d.error.empty()) {
      ImGui::SetCursorPosX(pos.x);
      label(ui.icon("alert-circle") + "  " + d.error, ui.fonts.bold, colour::danger, size.x);
    }
  }

  ImGui::SetCursorPos(ImVec2(pos.x, save_y));
  if (touch_button(ui, "assess.note", "note-plus", ui.t(d.note_open ? "assess.note_close" : "assess.note_add"),
                   ImVec2(0, 0), {.tone = Tone::Neutral, .selected = d.note_open}))
    d.note_open = !d.note_open;
  const std::string save = ui.t("assess.save", {{"count", std::to_string(d.trainees.size())}});
  const float sw = button_width(ui, "check", save);
  ImGui::SetCursorPos(ImVec2(pos.x + size.x - sw, save_y));
  if (!touch_button(ui, "assess.save", "check", save, ImVec2(sw, m.target),
                    {.tone = Tone::Success, .enabled = d.level > 0}))
    return;
  Assess cmd;
  cmd.trainee_ids.assign(d.trainees.begin(), d.trainees.end());
  cmd.skill = d.skill;
  cmd.level = d.level;
  cmd.note = trim(d.note);
  Outcome out = ui.centre.execute(cmd, ui.session.staff->actor);
  if (!out.ok()) {
    d.error = ui.refusal(*out.refusal);
    d.note_open = false;
    return;
  }
  d.saved = ui.t("assess.saved",
                 {{"skill", ui.skill_label(*s)}, {"level", ui.level_word(*s, d.level)}, {"names", chosen_names(ui)}});
  d.skill.clear();
  d.level = 0;
  d.note.clear();
  d.note_open = false;
  d.error.clear();
  d.step = AssessDraft::Skill;  // the same group, the next skill
}

void draw(Ui& ui) {
  Body body = begin_screen(ui, ui.t("assess.title"), "star", true);
  const Metrics& m = ui.m;
  AssessDraft& d = ui.session.assess;
  if (!ui.session.staff) {
    end_screen();
    return;
  }
  steps(ui, body);
  float top = body.pos.y + m.target + m.gap;
  if (!d.saved.empty() && d.step != AssessDraft::Level) {
    ImGui::SetCursorPos(ImVec2(body.pos.x, top));
    label(ui.icon("check-circle") + "  " + d.saved, ui.fonts.bold, colour::success, body.size.x);
    top = ImGui::GetCursorPosY();
  }
  const ImVec2 pos(body.pos.x, top), size(body.size.x, body.pos.y + body.size.y - top);
  switch (d.step) {
    case AssessDraft::Trainees:
      choose_trainees(ui, pos, size);
      break;
    case AssessDraft::Skill:
      choose_skill(ui, pos, size);
      break;
    case AssessDraft::Level:
      choose_level(ui, pos, size);
      break;
  }
  end_screen();
}

void demo(Ui& ui) {
  ui.demo_staff_session(Role::Instructor);
  ui.show("assess");
  auto people = trainees_in(ui.centre.state(), {Stage::Centre});
  for (size_t i = 0; i < people.size() && i < 2; ++i) ui.session.assess.trainees.insert(people[i]->id);
  if (!people.empty()) ui.session.assess.step = AssessDraft::Skill;
}

}  // namespace

void register_assess_screen(ScreenRegistry& r) { r.add({"assess", Access::Staff, draw, demo}); }

}  // namespace ft::ui
