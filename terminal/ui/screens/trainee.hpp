// The supervisor's review of one trainee: the open panel and its half-filled fields
// (stage and internship agreement, absence, note).
#pragma once
#include <optional>
#include <string>

#include "terminal/core/state.hpp"

namespace ft::ui {

struct ReviewDraft {
  enum Panel { None, Stage, Absence, Note } panel = None;
  std::optional<ft::Stage> stage;
  std::string host;
  bool typing_host = false;
  // The internship agreement (stage internship with a registered host): filled
  // from the current agreement or approval when the stage is chosen.
  bool agreement_filled = false;
  std::string host_cvr;
  Day start = 0;
  int weeks = 13;
  int hours = 30;
  std::string purpose;
  bool typing_purpose = false;
  std::string exit_reason;
  int absence_back = 0;  // expected days before today (0 = today)
  std::optional<AbsenceKind> kind;
  std::string cause;
  std::string note;
  bool note_shared = false;
  std::string message;
  bool message_is_error = false;
};

}  // namespace ft::ui
