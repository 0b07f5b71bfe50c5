// Assess: an instructor logs a skill for one trainee or a group.
//   1 choose trainees (tiles, several at once) -> Next
//   2 choose the skill (icon grid grouped by category) -> straight on
//   3 choose the level (1–4 in the words of the skill's scale), note optional -> Save
// One skill for one trainee: trainee, Next, skill, level, Save = 5 taps.
// After saving, the same group stays chosen for the next skill.
// With a group, every chosen trainee's current level shows on the skill
// tiles and the level step; a level below what some of them already have is
// never saved for them without naming them and asking (core: lowerings()).
#include "terminal/ui/screens/assess.hpp"

#include <imgui.h>

#include <algorithm>

#include "terminal/core/decide.hpp"
#include "terminal/core/text.hpp"
#include "terminal/ui/facts.hpp"
#include "terminal/ui/screen_registry.hpp"
#include "terminal/ui/ui.hpp"
#include "terminal/ui/widgets.hpp"

namespace ft::ui {
namespace {

std::string names_of(Ui& ui, const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids)
    if (const Trainee* t = ui.centre.state().trainee(id)) {
      if (!out.empty()) out += ", ";
      out += first_name_last_initial(t->shown_name());
    }
  return out;
}

int latest_level(const Trainee& t, const std::string& skill) {
  const auto latest = t.latest_assessments();
  auto it = latest.find(skill);
  return it == latest.end() ? 0 : it->second->level;
}

// "Bo K. (–), Åse Æ. (4), Nour H. (2)": each chosen trainee with their current level of the skill.
std::string chosen_with_levels(Ui& ui, const Skill& s) {
  std::string out;
  for (const auto& id : ui.session.assess.trainees)
    if (const Trainee* t = ui.centre.state().trainee(id)) {
      const int level = latest_level(*t, s.key);
      if (!out.empty()) out += ", ";
      out += first_name_last_initial(t->shown_name()) + " (" + (level ? std::to_string(level) : "–") + ")";
      ui.shown.insert("assess.current." + id);
    }
  return out;
}

// `text` cut to one line of `width` with an ellipsis.
std::string one_line(ImFont* f, std::string text, float width) {
  if (text_width(f, text) <= width) return text;
  while (!text.empty() && text_width(f, text + "…") > width) {
    while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
    if (!text.empty()) text.pop_back();
  }
  return text + "…";
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
  // The current step is outlined; a tick marks only a step that is done
  // (trainees chosen and moved on; the skill chosen and its level open).
  const bool done[] = {!d.trainees.empty() && d.step != AssessDraft::Trainees,
                       !d.skill.empty() && d.step == AssessDraft::Level, false};
  ImGui::SetCursorPos(body.pos);
  for (int i = 0; i < 3; ++i) {
    if (i) ImGui::SameLine();
    const StepTab& tab = tabs[i];
    if (touch_button(ui, "assess.tab." + std::to_string(i), tab.icon, tab.text, ImVec2(w, m.target),
                     {.tone = Tone::Neutral,
                      .selected = d.step == tab.step,
                      .enabled = tab.reachable,
                      .tick = done[i]}))
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
  // A group's levels ("Now: 4, –, 2") take a line more under a long skill name.
  const float h = m.target * (d.trainees.size() > 1 ? 2.1f : 1.75f);
  // What the chosen have now: one trainee's level in words; a group's levels
  // as numbers in the order of their names ("Now: 4, –, 2"), when anyone has one.
  auto now_for = [&](const Skill& s) -> std::string {
    std::vector<int> levels;
    for (const auto& id : d.trainees)
      if (const Trainee* t = ui.centre.state().trainee(id)) levels.push_back(latest_level(*t, s.key));
    if (std::all_of(levels.begin(), levels.end(), [](int l) { return l == 0; })) return "";
    if (levels.size() == 1) return ui.t("assess.now", {{"level", ui.level_word(s, levels[0])}});
    std::string list;
    for (int l : levels) list += (list.empty() ? "" : ", ") + (l ? std::to_string(l) : std::string("–"));
    return ui.t("assess.now", {{"level", list}});
  };
  for (const SkillCategory& c : cat.categories) {
    label(ui.icon(c.icon) + "  " + ui.category_label(c), ui.fonts.title, colour::text, avail);
    int n = 0;
    for (const Skill& s : cat.skills) {
      if (s.category != c.key) continue;
      if (n++ % cols) ImGui::SameLine();
      const std::string sub = now_for(s);
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

// "Already at a higher level: Åse Æ. (4 Can guide others). Lower to 3?"
std::string lowering_question(Ui& ui, const Skill& s, const Assess& cmd, const std::vector<Lowering>& lower) {
  std::string whose;
  for (const Lowering& l : lower)
    if (const Trainee* t = ui.centre.state().trainee(l.trainee_id))
      whose += (whose.empty() ? "" : ", ") + first_name_last_initial(t->shown_name()) + " (" +
               std::to_string(l.from) + " " + ui.level_word(s, l.from) + ")";
  return ui.icon("alert") + "  " +
         ui.t("assess.lower_question",
              {{"names", whose}, {"level", std::to_string(cmd.level) + " " + ui.level_word(s, cmd.level)}});
}

float lowering_question_height(Ui& ui, const std::string& question, float width) {
  return wrap_lines(ui.fonts.bold, question, width - 2 * ui.m.pad).size() * ui.fonts.bold->FontSize * 1.25f +
         ui.m.pad;
}

// The question above the bottom row, and its two answers in that row. True
// when the save goes ahead; `cmd` then holds whom it is for (all of them, or
// only those it does not lower).
bool ask_about_lowering(Ui& ui, const std::string& question, Assess& cmd, const std::vector<Lowering>& lower,
                        ImVec2 row, float width) {
  const Metrics& m = ui.m;
  const float qh = lowering_question_height(ui, question, width);
  const float qy = row.y - m.gap - qh;
  const ImVec2 wp = ImGui::GetWindowPos();
  framed_rect(ImGui::GetWindowDrawList(), ImVec2(wp.x + row.x, wp.y + qy), ImVec2(wp.x + row.x + width, wp.y + qy + qh),
              colour::warning_soft, colour::warning, m.radius, 3.0f);
  ImGui::SetCursorPos(ImVec2(row.x + m.pad, qy + m.pad * 0.5f));
  label(question, ui.fonts.bold, colour::text, width - 2 * m.pad);
  const float bw = (width - m.gap) * 0.5f;
  ImGui::SetCursorPos(ImVec2(row.x, row.y));
  if (touch_button(ui, "assess.lower.all", "arrow-down", ui.t("assess.lower_all"), ImVec2(bw, m.target),
                   {.tone = Tone::Warning}))
    return true;
  ImGui::SetCursorPos(ImVec2(row.x + bw + m.gap, row.y));
  if (!touch_button(ui, "assess.lower.skip", "check", ui.t("assess.lower_skip"), ImVec2(bw, m.target),
                    {.tone = Tone::Success}))
    return false;
  const auto lowered = [&](const std::string& id) {
    return std::any_of(lower.begin(), lower.end(), [&](const Lowering& l) { return l.trainee_id == id; });
  };
  cmd.trainee_ids.erase(std::remove_if(cmd.trainee_ids.begin(), cmd.trainee_ids.end(), lowered), cmd.trainee_ids.end());
  return true;
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
  Assess cmd;
  cmd.trainee_ids.assign(d.trainees.begin(), d.trainees.end());
  cmd.skill = d.skill;
  cmd.level = d.level;
  cmd.note = trim(d.note);
  // A group: a level below what some already have is asked about first.
  const std::vector<Lowering> lower = cmd.trainee_ids.size() > 1 ? lowerings(ui.centre.state(), cmd)
                                                                  : std::vector<Lowering>();
  const bool asking = d.confirm_lowering && !lower.empty() && !d.note_open;
  const std::string question = asking ? lowering_question(ui, *s, cmd, lower) : std::string();
  const float reserve = asking ? lowering_question_height(ui, question, size.x) + m.gap : 0.0f;
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
    label(ui.t("assess.for", {{"names", chosen_with_levels(ui, *s)}}), ui.fonts.body, colour::muted, size.x);
    ImGui::SetCursorPosX(pos.x);
    const float w = (size.x - 3 * m.gap) / 4;
    const float h = std::min(m.target * 2.2f, save_y - m.gap - reserve - ImGui::GetCursorPosY());
    for (int level = 1; level <= 4; ++level) {
      if (level > 1) ImGui::SameLine();
      if (touch_button(ui, "assess.level." + std::to_string(level), "",
                       std::to_string(level) + "  " + ui.level_word(*s, level), ImVec2(w, h),
                       {.tone = Tone::Ghost,
                        .selected = d.level == level,
                        .stacked = true,
                        .sub = ui.t("level." + scale + "." + std::to_string(level) + ".hint")})) {
        d.level = level;
        d.confirm_lowering = false;
      }
    }
    if (!d.error.empty()) {
      ImGui::SetCursorPosX(pos.x);
      label(ui.icon("alert-circle") + "  " + d.error, ui.fonts.bold, colour::danger, size.x);
    }
  }

  if (asking) {
    if (!ask_about_lowering(ui, question, cmd, lower, ImVec2(pos.x, save_y), size.x)) return;
  } else {
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
    if (!lower.empty()) {
      d.confirm_lowering = true;
      d.note_open = false;
      return;
    }
  }
  if (cmd.trainee_ids.empty()) {  // every one of them keeps their higher level: nothing to save
    d.confirm_lowering = false;
    d.skill.clear();
    d.level = 0;
    d.step = AssessDraft::Skill;
    return;
  }
  Outcome out = ui.centre.execute(cmd, ui.session.staff->actor);
  if (!out.ok()) {
    d.error = ui.refusal(*out.refusal);
    d.note_open = false;
    return;
  }
  d.saved = ui.t("assess.saved", {{"skill", ui.skill_label(*s)},
                                  {"level", ui.level_word(*s, d.level)},
                                  {"names", names_of(ui, cmd.trainee_ids)}});
  d.confirm_lowering = false;
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
  if (d.step != AssessDraft::Level) {
    // The last "Saved: ..." has a line of its own, there whether or not
    // anything was saved yet: the grid below never jumps when it appears.
    const float line_h = ui.fonts.bold->FontSize * 1.3f;
    if (!d.saved.empty()) {
      ImGui::SetCursorPos(ImVec2(body.pos.x, top));
      label(one_line(ui.fonts.bold, ui.icon("check-circle") + "  " + d.saved, body.size.x), ui.fonts.bold,
            colour::success, 0);
    }
    top += line_h;
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
  ui.show(ScreenId::Assess);
  auto people = trainees_in(ui.centre.state(), {Stage::Centre});
  for (size_t i = 0; i < people.size() && i < 2; ++i) ui.session.assess.trainees.insert(people[i]->id);
  if (!people.empty()) ui.session.assess.step = AssessDraft::Skill;
}

}  // namespace

void register_assess_screen(ScreenRegistry& r) {
  r.add({ScreenId::Assess, "assess", Access::Staff, draw, demo, [](Session& s) { s.assess = AssessDraft{}; }});
}

}  // namespace ft::ui
