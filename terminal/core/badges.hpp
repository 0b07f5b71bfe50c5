// Badges: within a centre a badge belongs to one person. decide() refuses a
// second owner at enrolment; two terminals offline (or two centres merged by
// mistake) can still hand one number to two people, and the fold keeps both.
// Such a badge is a conflict: the reader must not pick one of them, and a
// supervisor must see it (the dashboard) and take the card from one of them.
#pragma once
#include <string>
#include <vector>

#include "terminal/core/state.hpp"

namespace ft {

struct BadgeConflict {
  std::string badge;
  std::vector<std::string> owners;  // person ids (trainees, then staff), two or more
};

// Every badge held by more than one current person (enrolled, unredacted
// trainees and staff), ordered by badge.
std::vector<BadgeConflict> badge_conflicts(const State& s);

// Whether this badge is held by more than one current person.
bool badge_in_conflict(const State& s, const std::string& badge);

}  // namespace ft
