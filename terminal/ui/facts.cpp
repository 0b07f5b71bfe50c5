// Shared readings of the state (see facts.hpp).
#include "terminal/ui/facts.hpp"

#include <algorithm>

#include "terminal/ui/theme.hpp"

namespace ft::ui {

Presence presence_today(const Trainee& t, Day today) {
  auto it = t.days.find(today);
  if (it == t.days.end() || !it->second.has_check_in()) return Presence::NotYet;
  return it->second.has_check_out() ? Presence::Out : Presence::In;
}

namespace {
bool by_name(const Trainee* a, const Trainee* b) {
  const std::string na = a->shown_name(), nb = b->shown_name();
  return na != nb ? na < nb : a->id < b->id;
}
}  // namespace

std::vector<const Trainee*> trainees_in(const State& s, std::initializer_list<Stage> stages) {
  std::vector<const Trainee*> out;
  for (const auto& [id, t] : s.trainees)
    if (t.enrolled && !t.redacted && std::find(stages.begin(), stages.end(), t.stage()) != stages.end())
      out.push_back(&t);
  std::sort(out.begin(), out.end(), by_name);
  return out;
}

std::vector<const Trainee*> all_trainees(const State& s) {
  std::vector<const Trainee*> out;
  for (Stage st : {Stage::Centre, Stage::Internship, Stage::Referred, Stage::Employed, Stage::Exited})
    for (const Trainee* t : trainees_in(s, {st})) out.push_back(t);
  return out;
}

ImU32 light_colour(Light l) {
  switch (l) {
    case Light::Green:
      return colour::success;
    case Light::Amber:
      return colour::warning;
    case Light::Red:
      return colour::danger;
    case Light::Grey:
      break;
  }
  return colour::muted;
}

ImU32 light_soft(Light l) {
  switch (l) {
    case Light::Green:
      return colour::success_soft;
    case Light::Amber:
      return colour::warning_soft;
    case Light::Red:
      return colour::danger_soft;
    case Light::Grey:
      break;
  }
  return colour::neutral;
}

DayLook day_look(DayStatus s) {
  const char* key = day_status_key(s);
  switch (s) {
    case DayStatus::Present:
      return {"check-circle", colour::success, key};
    case DayStatus::Late:
      return {"alarm-check", colour::warning, key};
    case DayStatus::ForgottenCheckout:
      return {"alert", colour::warning, key};
    case DayStatus::AbsentSick:
      return {"thermometer", IM_COL32(0x6A, 0x3D, 0x9A, 0xFF), key};
    case DayStatus::AbsentLegitimate:
      return {"calendar-check", IM_COL32(0x00, 0x69, 0x6F, 0xFF), key};
    case DayStatus::AbsentNotLegitimate:
      return {"close-circle", colour::danger, key};
    case DayStatus::Unrecorded:
      return {"help-circle", colour::danger, key};
    case DayStatus::Upcoming:
      return {"clock", colour::muted, key};
    case DayStatus::NotExpected:
      break;
  }
  return {"calendar-remove", colour::border, key};
}

std::string stage_key(Stage s) { return std::string("stage.") + stage_name(s); }

std::string stage_icon(Stage s) {
  switch (s) {
    case Stage::Referred:
      return "timer-sand";
    case Stage::Centre:
      return "school";
    case Stage::Internship:
      return "briefcase";
    case Stage::Employed:
      return "trophy";
    case Stage::Exited:
      return "exit-to-app";
  }
  return "help-circle";
}

std::string guarantee_key(Guarantee g) { return std::string("guarantee.") + guarantee_name(g); }

const char* cause_icon(const std::string& cause) {
  static const std::pair<const char*, const char*> icons[] = {{"sick", "thermometer"},   {"child_sick", "baby"},
                                                              {"doctor", "stethoscope"}, {"jobcentre", "domain"},
                                                              {"transport", "bus"},      {"other", "dots-horizontal"}};
  for (const auto& [c, icon] : icons)
    if (cause == c) return icon;
  return "dots-horizontal";
}

}  // namespace ft::ui
