// The assessment screen's draft: the group, the skill and level chosen, the note.
#pragma once
#include <set>
#include <string>

namespace ft::ui {

struct AssessDraft {
  enum Step { Trainees, Skill, Level } step = Trainees;
  std::set<std::string> trainees;
  std::string skill;
  int level = 0;
  std::string note;
  bool note_open = false;
  std::string saved;  // "Saved: ..." after the last assessment
  std::string error;
  // Save was tapped and the level is below what some of the group already
  // have: they are named and asked (all, or skip them) before anything is written.
  bool confirm_lowering = false;
};

}  // namespace ft::ui
