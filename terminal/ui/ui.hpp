// The kiosk UI as one object the shell drives: frame() draws the current
// screen from the session and the centre's state; the kiosk loop (or the
// headless test driver, or the screenshot command) calls it between
// ImGui::NewFrame() and ImGui::Render().
//
// Call flow of one frame:
//   frame() -> note input, inactivity (60 s -> board), timers
//           -> badge reader (digits + Enter)
//           -> screens().find(session.screen).draw(*this)
//                 screens read centre.state(), call act helpers (punch, ...)
//                 which call centre.execute() and move the session on.
//
// Sections: construction · frame and timers · navigation and sessions ·
// actions shared by screens · text.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "terminal/core/i18n.hpp"
#include "terminal/core/progress.hpp"
#include "terminal/store/centre.hpp"
#include "terminal/ui/charts.hpp"
#include "terminal/ui/fonts.hpp"
#include "terminal/ui/icons.hpp"
#include "terminal/ui/session.hpp"
#include "terminal/ui/speaker.hpp"
#include "terminal/ui/theme.hpp"
#include "terminal/ui/touch.hpp"

namespace ft::ui {

// The kiosk's languages by code, as app/ loaded them from the assets.
using Languages = std::map<std::string, Translations>;

struct UiOptions {
  std::string language = "da";   // the board's language; a session may switch it
  int inactivity_seconds = 60;   // untouched this long: back to the board, sessions end
  int confirmation_seconds = 6;  // the check-in confirmation closes by itself
  // The double tap, a refused card and the morning question: untouched this
  // long, the board comes back, so the next trainee in the queue can tap.
  int notice_seconds = 10;
  int banner_seconds = 5;
};

class Ui {
 public:
  // Everything the UI reads comes in here as plain values: data only through
  // `centre`, the texts in `languages`; nothing of app/ (its Environment,
  // paths or configuration file) reaches a screen.
  Ui(Centre& centre, const Languages& languages, const Fonts& fonts, const Icons& icons, Metrics metrics,
     UiOptions options = {});

  // ---- frame and timers
  void frame();
  // Seconds until the screen changes without input: the clock's next minute,
  // the inactivity timeout, a confirmation or notice closing. The kiosk
  // sleeps this long (glfwWaitEventsTimeout) when nothing else happens.
  double seconds_until_due() const;

  // ---- navigation and sessions
  // The only way to another screen: applies the screen's access rule (a
  // staff screen without a staff session leads to the staff login, a
  // trainee's page without an identified trainee to the board) and starts
  // it from a clean draft.
  void show(ScreenId screen);
  void go_home();  // the board; staff session and identified trainee end
  void begin_staff_session(const Actor& actor);
  // The trainee this screen is about; from now on every screen speaks their
  // language (Trainee::language) until the board returns. In a staff session
  // (a supervisor's review) the language stays the staff member's.
  void identify_trainee(const std::string& trainee_id, bool verified);
  // Practice: the board shows only this trainee; the PIN pad, the
  // confirmation and their page work as usual but nothing is written (no
  // event, no PIN attempt), and every screen says it is practice.
  void start_practice(const std::string& trainee_id);
  void end_practice();
  bool practising() const { return session.practice.has_value(); }
  // Screenshots only: a staff session for the first staff member with `role`
  // (a stand-in when there is none), without a PIN. Nothing is written.
  void demo_staff_session(Role role);
  void request_close();  // the window's close button: a supervisor must confirm
  bool close_confirmed() const { return session.close_confirmed; }
  bool is_supervisor() const;
  bool is_staff() const { return session.staff.has_value(); }

  // ---- actions shared by screens
  // Checks the trainee in, or out when in; shows the confirmation or says why not.
  void punch(const Actor& actor, const std::string& trainee_id, bool verified);
  // An explicit check-out (the "go out" of the double-tap screen).
  void check_out_now(const Actor& actor, const std::string& trainee_id);
  // The trainee's answer to the morning question: recorded as proposed.
  void answer_morning_question(int minutes);
  void skip_morning_question();
  // A staff member confirmed a locked-out trainee: lifts the lock (recorded
  // with who did it) and punches for the trainee.
  void lift_lock_and_punch(const Actor& staff, const std::string& trainee_id);
  // The badge reader typed `badge` and Enter.
  void badge(const std::string& badge);
  // A trainee's tile on the board: the PIN pad, a punch for a trainee
  // without a PIN, or at once the lockout screen while their PIN is paused.
  void tap_tile(const std::string& trainee_id);
  // Minutes until this person's PIN lock ends by itself; 0 when not locked.
  int lock_minutes_left(const std::string& person_id);
  // The board's language button: the next of the kiosk's languages, and the
  // name of that language for the button. The board returns to Danish when idle.
  void next_board_language();
  std::string next_board_language_name() const;
  // Says `lines` aloud to the trainee when they asked for it, in the session's language.
  void speak_to(const std::string& trainee_id, const std::vector<std::string>& lines);
  // Whether the kiosk speaks to this trainee: their setting, or what they chose in practice.
  bool reads_aloud_to(const std::string& trainee_id) const;
  // Replaces the speaker (tests record what would be said; screenshots stay silent).
  void set_speaker(Speaker* s) { speaker_ = s; }
  void set_banner(const std::string& text);

  // ---- text (every string on screen comes through here; misses are recorded)
  std::string t(const std::string& key) const;
  std::string t(const std::string& key, const std::map<std::string, std::string>& params) const;
  std::string refusal(const Refusal& r) const;
  // The PIN screen's message (PinMessage) in the session's language now.
  std::string pin_message() const;
  std::string reason(const Reason& r) const;
  std::string date_long(Day day) const;   // "onsdag 15. januar 2025"
  std::string date_short(Day day) const;  // "15. jan."
  std::string weekday_short(Day day) const;
  std::string icon(const std::string& name) const { return icons.glyph(name); }
  std::string skill_label(const Skill& s) const;
  std::string category_label(const SkillCategory& c) const;
  std::string level_word(const Skill& s, int level) const;
  const Translations& translations() const;                     // the session's language
  const Translations& texts_in(const std::string& code) const;  // another language's; unknown -> Danish
  const std::set<std::string>& missing_keys() const { return missing_; }

  std::int64_t now_ms() const { return centre.now_ms(); }
  void report_overflow(const std::string& id) { overflows.insert(id); }

  Centre& centre;
  const Languages& languages;
  const Fonts& fonts;
  const Icons& icons;
  Metrics m;
  UiOptions options;
  Session session;
  TouchTargets targets;
  std::set<std::string> overflows;  // ids of targets whose text did not fit (tests assert none)
  std::set<std::string> shown;      // ids of things drawn in the last frame that are not touch targets (tests read it)
  std::map<std::string, TrendDrawn> trends;  // what each trend picture of the last frame showed (tests read it)

 private:
  void note_input();
  bool reads_badges() const;     // on this screen a reader's digits are a badge
  bool shows_pin_pad() const;    // a PIN pad is on screen: a card is told from typing by its pace
  bool passing_screen() const;   // a notice that gives the board back after notice_seconds
  void draw_banner_over_screen();
  // Why a check-in or check-out was not done; for a store fault, that it was not saved and what to do.
  std::string punch_refusal(const Refusal& r, bool checking_in) const;
  void read_badge_reader();
  void read_card_on_pin_pad();
  void show_confirmation(const std::string& trainee_id, bool checked_in, const std::string& note = "");
  Speaker* speaker();
  Speaker* speaker_ = nullptr;
  std::unique_ptr<Speaker> own_speaker_;  // espeak-ng, started on first use
  mutable std::set<std::string> missing_;
  int drawn_minute_ = -1;
  ScreenId drawn_screen_ = ScreenId::Board;
  std::string drawn_subject_;  // a new screen or person starts its lists at the top
};

// "When did you leave yesterday?" (or "... on Friday?" after a weekend).
std::string morning_question_text(const Ui& ui, Day day);

}  // namespace ft::ui
