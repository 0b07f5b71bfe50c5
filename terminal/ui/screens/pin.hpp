// The PIN screen's own state: the digits typed so far and what it says, and
// the big "you are in / out" confirmation it shows after a punch. Session
// holds one of each; Ui::show(ScreenId::Pin) starts the PIN from clean.
#pragma once
#include <cstdint>
#include <string>

#include "terminal/core/refusal.hpp"

namespace ft::ui {

// The big "you are in / out" after a punch; closes by itself.
struct Confirmation {
  std::string trainee_id;
  bool checked_in = true;  // false: checked out
  int minutes = 0;         // the time recorded
  std::int64_t until_ms = 0;
  std::string note;       // one more line, e.g. "an instructor will confirm your answer"
  bool practice = false;  // shown in practice: nothing was recorded
};

// What the PIN screen has to say: kept as a code, not as words, so it is said
// in the language the screen is drawn in (Ui::pin_message), even when the
// language changes after it was set (a trainee's own language, a screenshot's).
struct PinMessage {
  std::string key;          // a plain text ("pin.wrong"), or
  Refusal refusal;          // a refusal (empty code and key: nothing to say)
  bool punch = false;       // the refusal of a check-in or -out: Ui::punch_refusal words it
  bool checking_in = false;
  bool empty() const { return key.empty() && refusal.code.empty(); }
};

struct PinEntry {
  std::string digits;
  PinMessage message;  // a wrong PIN or a refusal, said plainly
  // A refused card or tile (nothing typed): the refusal alone, no PIN pad
  // that cannot help; the reader stays on, so a card can try again, and the
  // board returns after a few seconds (UiOptions::notice_seconds).
  bool notice_only = false;
};

}  // namespace ft::ui
