// Small readings of the centre's state that several screens share: who is
// in today, the trainees of a stage in a stable order, the traffic-light
// colour of a guarantee status. Pure functions of the state.
#pragma once
#include <imgui.h>

#include <string>
#include <vector>

#include "terminal/core/progress.hpp"
#include "terminal/core/state.hpp"

namespace ft::ui {

enum class Presence { NotYet, In, Out };
Presence presence_today(const Trainee& t, Day today);

// Trainees in the given stages, by shown name (then id, for ties).
std::vector<const Trainee*> trainees_in(const State& s, std::initializer_list<Stage> stages);
// Every enrolled, unredacted trainee: centre first, then internship, referred, employed, exited.
std::vector<const Trainee*> all_trainees(const State& s);

using ft::Light;
// The light core decided (Progress::light, from the configurable months-left warning).
inline Light light_of(const Progress& p) { return p.light; }
ImU32 light_colour(Light l);
ImU32 light_soft(Light l);

// How a day looks in calendars: icon, colour and the "day.<status>" key.
struct DayLook {
  const char* icon;
  ImU32 colour;
  const char* key;
};
DayLook day_look(DayStatus s);

// The pictogram of an absence cause (kAbsenceCauses): staff screens only, never the board.
const char* cause_icon(const std::string& cause);
std::string stage_key(Stage s);          // "stage.centre"
std::string stage_icon(Stage s);         // "school", "briefcase", ...
std::string guarantee_key(Guarantee g);  // "guarantee.on_track"

}  // namespace ft::ui
