// The kiosk UI's frame, timers, navigation and shared actions (see ui.hpp).
//
// Sections: construction · frame and timers · navigation and sessions ·
// actions · text.
#include "terminal/ui/ui.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "terminal/core/decide.hpp"
#include "terminal/core/pin.hpp"
#include "terminal/core/text.hpp"
#include "terminal/ui/screen_registry.hpp"
#include "terminal/ui/widgets.hpp"

namespace ft::ui {

// ---- construction -----------------------------------------------------------

Ui::Ui(Centre& c, const Languages& l, const Fonts& f, const Icons& i, Metrics metrics, UiOptions o)
    : centre(c), languages(l), fonts(f), icons(i), m(metrics), options(std::move(o)) {
  session.language = options.language;
  session.last_input_ms = now_ms();
}

// ---- frame and timers ---------------------------------------------------------

void Ui::note_input() {
  const ImGuiIO& io = ImGui::GetIO();
  bool input = io.InputQueueCharacters.Size > 0 || io.MouseDelta.x != 0 || io.MouseDelta.y != 0;
  for (int b = 0; b < 3; ++b) input = input || io.MouseDown[b] || io.MouseReleased[b];
  for (bool down : io.KeysDown) input = input || down;
  if (input) session.last_input_ms = now_ms();
}

void Ui::frame() {
  targets.begin_frame();
  trends.clear();
  shown.clear();
  note_input();
  const std::int64_t now = now_ms();

  // 60 s untouched: back to the board; a staff session or a trainee's page ends.
  // A practice session ends too.
  if (now - session.last_input_ms >= std::int64_t(options.inactivity_seconds) * 1000 &&
      (session.screen != ScreenId::Board || session.staff || !session.subject_id.empty() ||
       session.language != options.language || session.practice)) {
    session.practice.reset();
    go_home();
  }
  if (session.confirmation && now >= session.confirmation->until_ms && session.screen == ScreenId::Pin) go_home();
  // The double tap, a refused card, the morning question: nobody waits
  // behind them for a minute. Untouched for a few seconds, the board is back.
  if (passing_screen() && now - session.last_input_ms >= std::int64_t(options.notice_seconds) * 1000) go_home();
  if (!session.banner.empty() && now >= session.banner_until_ms) session.banner.clear();
  if (session.close_requested && session.screen != ScreenId::StaffLogin) session.close_requested = false;

  if (reads_badges()) read_badge_reader();
  else if (shows_pin_pad()) read_card_on_pin_pad();

  drawn_minute_ = int(now / 60000);
  // Every screen, and every person's screen, opens with its lists at the top:
  // the next trainee never starts where the last one scrolled to.
  scroll_lists_to_top(session.screen != drawn_screen_ || session.subject_id != drawn_subject_);
  drawn_screen_ = session.screen;
  drawn_subject_ = session.subject_id;
  ImGui::PushFont(fonts.body);
  screens().find(session.screen).draw(*this);
  draw_banner_over_screen();
  ImGui::PopFont();
}

void Ui::draw_banner_over_screen() {
  // The board has a place for notices in its bottom row; elsewhere (a PIN
  // pad, a question) the notice lies over the title in the top bar, where it
  // hides nothing a person needs, and a tap on it closes it.
  if (session.banner.empty() || session.screen == ScreenId::Board || session.screen == ScreenId::Practice) return;
  const ImGuiIO& io = ImGui::GetIO();
  const float w = std::min(io.DisplaySize.x * 0.56f, io.DisplaySize.x - 2 * m.pad);
  const ImVec2 pos((io.DisplaySize.x - w) * 0.5f, (m.bar - m.target) * 0.5f);
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(ImVec2(w, m.target));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
  ImGui::Begin("##banner", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoFocusOnAppearing);
  ImGui::PopStyleVar(2);
  ImGui::SetCursorPos(ImVec2(0, 0));
  if (notice_banner(*this, ImVec2(w, m.target))) session.banner.clear();
  ImGui::End();
}

double Ui::seconds_until_due() const {
  const std::int64_t now = now_ms();
  std::int64_t due = (now / 60000 + 1) * 60000;  // the clock shows minutes
  if (drawn_minute_ != int(now / 60000)) due = now;
  const bool idle_matters = session.screen != ScreenId::Board || session.staff || !session.subject_id.empty() ||
                            session.language != options.language || session.practice;
  if (idle_matters) due = std::min(due, session.last_input_ms + std::int64_t(options.inactivity_seconds) * 1000);
  if (passing_screen()) due = std::min(due, session.last_input_ms + std::int64_t(options.notice_seconds) * 1000);
  if (session.confirmation && session.screen == ScreenId::Pin) due = std::min(due, session.confirmation->until_ms);
  if (!session.banner.empty()) due = std::min(due, session.banner_until_ms);
  if (drawn_minute_ != int(now / 60000)) return 0.0;
  // Never spin: a timer that is due is handled by the next frame.
  return std::max<double>(0.25, double(due - now) / 1000.0);
}

// ---- navigation and sessions ------------------------------------------------------

bool Ui::is_supervisor() const {
  return session.staff && (session.staff->actor.role == Role::Supervisor || session.staff->actor.role == Role::Admin);
}

void Ui::show(ScreenId id) {
  const ScreenDef& def = screens().find(id);
  const bool allowed = def.access == Access::Anyone ||
                       (def.access == Access::Trainee && session.subject_verified && !session.subject_id.empty()) ||
                       (def.access == Access::Staff && is_staff()) ||
                       (def.access == Access::Supervisor && is_supervisor());
  if (!allowed) {
    if (def.access == Access::Trainee) return go_home();
    return show(ScreenId::StaffLogin);
  }
  if (def.enter) def.enter(session);  // each screen starts from a clean draft
  if (id != ScreenId::DoubleTap) session.double_tap.reset();
  if (id != ScreenId::Pin) session.confirmation.reset();
  session.screen = id;
}

void Ui::go_home() {
  auto practice = std::move(session.practice);
  std::string reader = std::move(session.badge_digits);
  session = Session{};  // every draft, the staff session and the identified trainee go
  session.language = options.language;  // the board speaks Danish again
  session.last_input_ms = now_ms();
  session.practice = std::move(practice);  // a practice session ends only by its button or the timeout
  session.badge_digits = std::move(reader);  // a scan under way when a timer brings the board back
  show(session.practice ? ScreenId::Practice : ScreenId::Board);
}

void Ui::start_practice(const std::string& trainee_id) {
  const std::string by = session.staff ? session.staff->actor.id : std::string();
  session.practice.reset();
  go_home();
  session.practice = Practice{trainee_id, by};
  show(ScreenId::Practice);
}

void Ui::end_practice() {
  session.practice.reset();
  go_home();
}

void Ui::begin_staff_session(const Actor& actor) {
  StaffSession s;
  s.actor = actor;
  if (const Staff* st = centre.state().staff_member(actor.id)) {
    s.name = st->name.value;
    if (!st->language.value.empty() && languages.count(st->language.value)) session.language = st->language.value;
  }
  session.staff = s;
  session.practice.reset();
  session.subject_id.clear();
  session.subject_verified = false;
  show(actor.role == Role::Instructor ? ScreenId::Assess : ScreenId::Dashboard);
}

void Ui::demo_staff_session(Role role) {
  go_home();
  Actor actor{"demo", role};
  for (const auto& [id, st] : centre.state().staff)
    if (st.role == role) {
      actor.id = id;
      break;
    }
  StaffSession s;
  s.actor = actor;
  if (const Staff* st = centre.state().staff_member(actor.id)) s.name = st->name.value;
  session.staff = s;
}

void Ui::identify_trainee(const std::string& trainee_id, bool verified) {
  session.subject_id = trainee_id;
  session.subject_verified = verified;
  // The moment a trainee is known, their screens speak their language. A
  // staff member who opens a trainee's review keeps their own: the screen is theirs.
  if (session.staff) return;
  if (const Trainee* t = centre.state().trainee(trainee_id))
    if (!t->language.value.empty() && languages.count(t->language.value)) session.language = t->language.value;
}

void Ui::request_close() {
  go_home();
  show(ScreenId::StaffLogin);
  session.login.for_close = true;
  session.close_requested = true;
}

// ---- actions ----------------------------------------------------------------------

void Ui::set_banner(const std::string& text) {
  session.banner = text;
  session.banner_until_ms = now_ms() + std::int64_t(options.banner_seconds) * 1000;
}

void Ui::show_confirmation(const std::string& trainee_id, bool checked_in, const std::string& note) {
  // Read back what the store now holds: a repeated punch changes nothing and
  // the confirmation then shows the time already recorded.
  const Trainee* tr = centre.state().trainee(trainee_id);
  if (!tr) return;
  auto day = tr->days.find(centre.today());
  Confirmation c;
  c.trainee_id = trainee_id;
  c.checked_in = checked_in;
  c.note = note;
  c.practice = practising();
  if (day != tr->days.end() && !c.practice)
    c.minutes = checked_in ? day->second.check_in : std::max(day->second.check_out, day->second.confirmed_out);
  if (c.practice || c.minutes < 0) c.minutes = centre.minutes_now();
  c.until_ms = now_ms() + std::int64_t(options.confirmation_seconds) * 1000;
  show(ScreenId::Pin);  // a clean PIN pad; the double tap, if any, is over
  session.confirmation = c;
  const std::string first = first_name_last_initial(tr->shown_name());
  const std::string time = format_clock(c.minutes);
  std::vector<std::string> lines = {t(checked_in ? "pin.welcome" : "pin.goodbye", {{"name", first}}),
                                    t(checked_in ? "pin.checked_in_at" : "pin.checked_out_at", {{"time", time}})};
  if (!note.empty()) lines.push_back(note);
  lines.push_back(t(checked_in ? "speech.next_in" : "speech.next_out"));
  speak_to(trainee_id, lines);
}

void Ui::punch(const Actor& actor, const std::string& trainee_id, bool verified) {
  const Trainee* tr = centre.state().trainee(trainee_id);
  if (!tr) return;
  // Core decides what the tap or scan means (decide_punch); the screens follow.
  const Punch p = decide_punch(*tr, centre.today(), centre.minutes_now(), centre.rules());
  identify_trainee(trainee_id, verified);
  if (practising()) {  // the same screens, nothing written
    if (session.practice->trainee_id == trainee_id) show_confirmation(trainee_id, p.checks_in());
    return;
  }
  if (p.kind == Punch::DoubleTap) {  // moments after the check-in: nothing is written, the screen asks
    show(ScreenId::DoubleTap);       // the confirmation, if any, closes
    session.double_tap = DoubleTap{trainee_id, actor, p.since};
    speak_to(trainee_id, {t("double_tap.question", {{"time", format_clock(p.since)}})});
    return;
  }
  Outcome out = p.checks_in() ? centre.execute(CheckIn{trainee_id}, actor)
                              : centre.execute(CheckOut{trainee_id, true}, actor);
  if (!out.ok()) {
    show(ScreenId::Pin);
    session.confirmation.reset();
    session.pin.message = PinMessage{.refusal = *out.refusal, .punch = true, .checking_in = p.checks_in()};
    return;
  }
  if (out.notice && out.notice->code == "double_tap") {
    // decide() guards the check-out too: a check-in that sync brought moments ago.
    const Punch again = decide_punch(*centre.state().trainee(trainee_id), centre.today(), centre.minutes_now(),
                                     centre.rules());
    show(ScreenId::DoubleTap);
    session.double_tap = DoubleTap{trainee_id, actor, again.since};
    return;
  }
  if (p.kind == Punch::MorningQuestion && !out.events.empty()) {
    // Yesterday has no check-out: ask when they left, then show the check-in.
    tr = centre.state().trainee(trainee_id);
    session.morning = MorningQuestion{};
    session.morning.trainee_id = trainee_id;
    session.morning.actor = actor;
    session.morning.day = *p.ask_about;
    show(ScreenId::MorningQuestion);
    speak_to(trainee_id, {t("pin.welcome", {{"name", first_name_last_initial(tr->shown_name())}}),
                          morning_question_text(*this, *p.ask_about)});
    return;
  }
  show_confirmation(trainee_id, p.checks_in());
}

void Ui::check_out_now(const Actor& actor, const std::string& trainee_id) {
  if (practising()) return show_confirmation(trainee_id, false);
  Outcome out = centre.execute(CheckOut{trainee_id, false}, actor);
  if (!out.ok()) {
    show(ScreenId::Pin);  // the double tap is over
    session.confirmation.reset();
    session.pin.message = PinMessage{.refusal = *out.refusal, .punch = true, .checking_in = false};
    return;
  }
  show_confirmation(trainee_id, false);
}

void Ui::answer_morning_question(int minutes) {
  MorningQuestion& q = session.morning;
  Outcome out = centre.execute(ProposeCheckout{q.trainee_id, q.day, minutes}, q.actor);
  if (!out.ok()) {
    q.message = refusal(*out.refusal);
    return;
  }
  const std::string id = q.trainee_id;
  session.morning = MorningQuestion{};
  show_confirmation(id, true, t("morning.thanks"));
}

void Ui::skip_morning_question() {
  const std::string id = session.morning.trainee_id;
  session.morning = MorningQuestion{};
  show_confirmation(id, true);
}

void Ui::lift_lock_and_punch(const Actor& staff, const std::string& trainee) {
  const std::string trainee_id = trainee;  // a copy: the argument may live in the session we reset below
  session.lockout.digits.clear();
  if (staff.role == Role::Trainee) {
    session.lockout.message = t("lockout.staff_only");
    return;
  }
  if (practising()) {
    session.lockout = LockoutHelp{};
    return punch(staff, trainee_id, true);
  }
  Outcome out = centre.execute(LiftLock{trainee_id}, staff);  // recorded with who did it
  if (!out.ok()) {
    session.lockout.message = refusal(*out.refusal);
    return;
  }
  session.lockout = LockoutHelp{};
  punch(staff, trainee_id, true);  // the instructor vouched for the trainee
}

bool Ui::reads_aloud_to(const std::string& trainee_id) const {
  if (session.practice && session.practice->trainee_id == trainee_id && session.practice->read_aloud)
    return *session.practice->read_aloud;
  const Trainee* t = centre.state().trainee(trainee_id);
  return t && t->read_aloud.value == "1";
}

void Ui::speak_to(const std::string& trainee_id, const std::vector<std::string>& lines) {
  if (!reads_aloud_to(trainee_id)) return;
  const std::string voice = voice_for(session.language);
  if (voice.empty()) return;
  std::string text;
  for (const auto& l : lines) text += (text.empty() ? "" : " ") + l;
  if (Speaker* s = speaker()) s->say(voice, text);
}

Speaker* Ui::speaker() {
  if (speaker_) return speaker_;
  if (!own_speaker_) own_speaker_ = std::make_unique<EspeakSpeaker>();
  return own_speaker_.get();
}

void Ui::badge(const std::string& digits) {
  AuthOutcome auth = centre.authenticate_badge(digits);
  if (!auth.actor) {
    const bool unknown = !auth.refusal || auth.refusal->code == "unknown_person";
    set_banner(unknown ? t("board.badge_unknown") : refusal(*auth.refusal));
    return;
  }
  if (session.screen == ScreenId::LockoutHelp && auth.actor->role != Role::Trainee)
    return lift_lock_and_punch(*auth.actor, session.lockout.trainee_id);
  if (practising()) {
    if (auth.actor->id == session.practice->trainee_id) return punch(*auth.actor, auth.actor->id, true);
    set_banner(t("practice.only_you"));
    return;
  }
  if (auth.actor->role == Role::Trainee) {
    punch(*auth.actor, auth.actor->id, true);
    if (session.screen == ScreenId::Pin && !session.confirmation)
      session.pin.notice_only = true;  // refused: no PIN can help
    return;
  }
  if (session.login.for_close && session.close_requested) {
    if (auth.actor->role == Role::Supervisor) session.close_confirmed = true;
    return;
  }
  begin_staff_session(*auth.actor);
}

bool Ui::reads_badges() const {
  // Everywhere but where digits are a PIN or text being typed. Trainees queue
  // at the reader in the morning: the next card arrives while the last
  // trainee's confirmation, double-tap or morning question is still up, and
  // a scan ignored there is lost without a word.
  const ScreenId s = session.screen;
  return s == ScreenId::Board || s == ScreenId::Practice || s == ScreenId::DoubleTap ||
         s == ScreenId::MorningQuestion || (s == ScreenId::LockoutHelp && session.lockout.staff_id.empty()) ||
         (s == ScreenId::Pin && (session.confirmation || session.pin.notice_only)) ||
         (s == ScreenId::StaffLogin && session.login.staff_id.empty());
}

bool Ui::shows_pin_pad() const {
  const ScreenId s = session.screen;
  return (s == ScreenId::Pin && !session.confirmation && !session.pin.notice_only) ||
         (s == ScreenId::StaffLogin && !session.login.staff_id.empty()) ||
         (s == ScreenId::LockoutHelp && !session.lockout.staff_id.empty());
}

bool Ui::passing_screen() const {
  const ScreenId s = session.screen;
  return s == ScreenId::DoubleTap || s == ScreenId::MorningQuestion ||
         (s == ScreenId::Pin && session.pin.notice_only && !session.confirmation);
}

void Ui::read_badge_reader() {
  // A keyboard-wedge reader types digits then Enter, as fast as a keyboard can.
  // The kiosk queues Enter as '\r' among the characters: a reader presses and
  // releases it within one frame, which ImGui 1.86's key-down state cannot see.
  // A frame that waited (on the disk, on start-up) can hold the keys of two
  // cards, so each Enter takes the digits before it, in the order typed.
  // The keys of a card that was read are the reader's: the screen it opens
  // (a PIN pad after a refusal, a staff screen) must not take them as typing.
  ImGuiIO& io = ImGui::GetIO();
  bool read = false;
  const auto submit = [this, &read] {
    const std::string digits = std::move(session.badge_digits);
    session.badge_digits.clear();
    if (digits.empty()) return;
    read = true;
    badge(digits);
  };
  bool enter_typed = false;
  for (int i = 0; i < io.InputQueueCharacters.Size && reads_badges(); ++i) {
    const ImWchar c = io.InputQueueCharacters[i];
    if (c >= '0' && c <= '9' && session.badge_digits.size() < 32) session.badge_digits += char(c);
    if (c != '\r') continue;
    enter_typed = true;
    submit();  // a staff card may open a screen where digits mean something else: the loop stops
  }
  // Enter held long enough for ImGui to see it down, without a '\r' (the headless tests).
  if (!enter_typed && (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                       ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false)))
    submit();
  if (read) {
    io.InputQueueCharacters.resize(0);
    // A card's digits are never a PIN: whatever screen its Enter opened.
    session.pin.digits.clear();
    session.login.digits.clear();
    session.lockout.digits.clear();
  }
}

void Ui::read_card_on_pin_pad() {
  // A trainee who tapped their tile, or an instructor who chose their name,
  // may still hold the card to the reader: its digits arrive where the PIN
  // goes. A burst of digits and Enter as only a reader types them is a card;
  // the PIN typed so far gives way to it.
  ImGuiIO& io = ImGui::GetIO();
  const std::int64_t now = now_ms();
  for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
    const auto card = session.card_on_pin_pad.feed(io.InputQueueCharacters[i], now);
    if (!card) continue;
    io.InputQueueCharacters.resize(0);  // the PIN pad must not take the card's keys
    session.pin.digits.clear();         // nor keep those of the frames before
    session.login.digits.clear();
    session.lockout.digits.clear();
    badge(*card);
    return;
  }
}

void Ui::tap_tile(const std::string& trainee_id) {
  const Trainee* t = centre.state().trainee(trainee_id);
  if (!t) return;
  if (!practising() && lock_minutes_left(trainee_id) > 0) {
    // Paused by wrong PINs: say so at once, not after another PIN typed in vain.
    identify_trainee(trainee_id, false);
    show(ScreenId::LockoutHelp);
    session.lockout = LockoutHelp{};
    session.lockout.trainee_id = trainee_id;
    return;
  }
  if (t->pin_hash.value.empty()) {
    punch(Actor{trainee_id, Role::Trainee}, trainee_id, false);
    if (session.screen == ScreenId::Pin && !session.confirmation) session.pin.notice_only = true;  // nothing to type
    return;
  }
  show(ScreenId::Pin);
  identify_trainee(trainee_id, false);
}

int Ui::lock_minutes_left(const std::string& person_id) {
  try {
    return ft::lock_minutes_left(centre.attempts(person_id), now_ms());
  } catch (const std::exception&) {
    return 0;  // unreadable: the PIN pad will say what is wrong
  }
}

void Ui::next_board_language() {
  auto it = languages.upper_bound(session.language);
  if (it == languages.end()) it = languages.begin();
  if (it != languages.end()) session.language = it->first;
}

std::string Ui::next_board_language_name() const {
  auto it = languages.upper_bound(session.language);
  if (it == languages.end()) it = languages.begin();
  return it == languages.end() ? std::string() : it->second("language.self");
}

std::string Ui::punch_refusal(const Refusal& r, bool checking_in) const {
  // A store fault is not the trainee's doing: say first that the punch was
  // not saved, then what to do; the cause follows for the instructor and IT.
  if (r.code.rfind("store.", 0) != 0) return refusal(r);
  const std::string not_saved = t(checking_in ? "pin.not_saved_in" : "pin.not_saved_out");
  if (r.code == "store.busy") return not_saved + " " + t("pin.try_again");
  return not_saved + " " + t("pin.tell_staff") + " " + refusal(r);
}

std::string Ui::pin_message() const {
  const PinMessage& m = session.pin.message;
  if (!m.key.empty()) return t(m.key);
  if (m.refusal.code.empty()) return {};
  return m.punch ? punch_refusal(m.refusal, m.checking_in) : refusal(m.refusal);
}

// ---- text -------------------------------------------------------------------------

const Translations& Ui::texts_in(const std::string& code) const {
  auto it = languages.find(code);
  return it != languages.end() ? it->second : languages.at("da");
}

const Translations& Ui::translations() const {
  auto it = languages.find(session.language);
  if (it == languages.end()) it = languages.find("da");
  if (it == languages.end()) it = languages.begin();
  return it->second;
}

std::string Ui::t(const std::string& key) const {
  const Translations& tr = translations();
  if (!tr.has(key)) missing_.insert(key);
  return tr(key);
}

std::string Ui::t(const std::string& key, const std::map<std::string, std::string>& params) const {
  return fill(t(key), params);
}

std::string Ui::refusal(const Refusal& r) const {
  const Translations& tr = translations();
  const std::string key = r.code.rfind("store.", 0) == 0 ? r.code : "refusal." + r.code;
  if (!tr.has(key)) missing_.insert(key);
  return refusal_text(tr, r);
}

std::string Ui::reason(const Reason& r) const {
  std::map<std::string, std::string> params = r.params;
  for (auto& [k, v] : params)
    if (!v.empty() && v[0] == '@')
      v = t(v.substr(1));  // parameters that are keys themselves
    else if (const auto day = parse_day(v))
      v = date_short(*day);  // core says 2026-12-10 (for files and the CLI); a person reads "10. dec."
  return t("reason." + r.code, params);
}

std::string Ui::date_long(Day day) const {
  int y = 0, mo = 0, d = 0;
  civil_from_day(day, y, mo, d);
  return t("date.long", {{"weekday", t("date.weekday." + std::to_string(weekday(day)))},
                         {"day", std::to_string(d)},
                         {"month", t("date.month." + std::to_string(mo))},
                         {"year", std::to_string(y)}});
}

std::string Ui::date_short(Day day) const {
  int y = 0, mo = 0, d = 0;
  civil_from_day(day, y, mo, d);
  return t("date.short", {{"day", std::to_string(d)}, {"month", t("date.month_short." + std::to_string(mo))}});
}

std::string Ui::weekday_short(Day day) const { return t("date.weekday_short." + std::to_string(weekday(day))); }

std::string Ui::skill_label(const Skill& s) const { return s.label(session.language); }

std::string Ui::category_label(const SkillCategory& c) const { return c.label(session.language); }

std::string Ui::level_word(const Skill& s, int level) const {
  return t(std::string(s.scale == SkillScale::Trade ? "level.trade." : "level.behaviour.") + std::to_string(level));
}

}  // namespace ft::ui
