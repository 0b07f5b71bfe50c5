// The floor details of issue 9 through the headless driver, each checked in
// the SQLite file: the double tap, the morning question and its
// confirmation, the lockout that asks for help, the trainee's own language
// and read-aloud (set by the trainee on their page), and practice that writes nothing.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "terminal/core/progress.hpp"
#include "terminal/store/centre_database.hpp"
#include "terminal/ui/speaker.hpp"
#include "tests/ui/driver.hpp"

using ft::test::UiDriver;
using ft::ui::ScreenId;

namespace {

constexpr std::int64_t kSecond = 1000;
constexpr std::int64_t kMinute = 60 * kSecond;
constexpr std::int64_t kDay = 24 * 60 * kMinute;

void tap_pin(UiDriver& d, const std::string& prefix, const std::string& digits) {
  for (char c : digits) REQUIRE(d.tap(prefix + ".key." + c));
}

const ft::AttendanceDay* day_of(const ft::Centre& c, const std::string& id, ft::Day day) {
  const ft::Trainee* t = c.state().trainee(id);
  if (!t) return nullptr;
  auto it = t->days.find(day);
  return it == t->days.end() ? nullptr : &it->second;
}

std::string enrol_in(UiDriver& d, const std::string& name, const std::string& language, const std::string& badge = "",
                     const std::string& pin = "") {
  ft::Enrol e;
  e.name = name;
  e.language = language;
  e.badge = badge;
  if (!pin.empty()) e.pin = pin;
  ft::Outcome out = d.centre->execute(e, ft::local_admin());
  REQUIRE(out.ok());
  d.frame();
  return out.new_id;
}

std::vector<ft::Event> all_events(ft::Centre& c) {
  std::int64_t last = 0;
  return ft::load_events(centre_database(c), 0, last);
}

void scan(UiDriver& d, const std::string& badge) {
  d.type(badge);
  d.press_enter();
}

// From the board to the trainee's own page: their tile, the PIN, "my page".
void open_own_page(UiDriver& d, const std::string& id, const std::string& pin) {
  REQUIRE(d.tap("board.tile." + id));
  tap_pin(d, "pin", pin);
  REQUIRE(d.tap("pin.my_page_only"));
  REQUIRE(d.ui->session.screen == ScreenId::MyProgress);
}

// The language with only what its own file holds (no English filling the gaps).
void keep_only_own_texts(UiDriver& d, const std::string& lang) {
  const auto own = nlohmann::json::parse(ft::test::read_file(ft::test::asset("i18n/" + lang + ".json")));
  auto& texts = d.env->languages.at(lang).texts;
  for (auto it = texts.begin(); it != texts.end();) it = own.contains(it->first) ? std::next(it) : texts.erase(it);
  REQUIRE(texts.size() == own.size());
}

}  // namespace

TEST_CASE("a badge scanned twice within two minutes is not a second punch; the screen asks, and going out is explicit") {
  UiDriver d;
  const std::string bo = d.enrol("Bo Kristensen", "1234", "00451234");
  scan(d, "00451234");
  REQUIRE(d.ui->session.confirmation.has_value());
  const std::int64_t events_after_check_in = ft::test::reopen(d)->event_count();
  REQUIRE(d.tap("pin.done"));

  d.advance(kMinute);  // 08:01: the card is held to the reader again
  scan(d, "00451234");
  CHECK(d.ui->session.screen == ScreenId::DoubleTap);
  REQUIRE(d.ui->session.double_tap.has_value());
  CHECK(d.ui->session.double_tap->since == 8 * 60);
  CHECK(d.visible("double_tap.stay"));
  CHECK(d.visible("double_tap.go_out"));
  {
    auto disk = ft::test::reopen(d);
    CHECK(disk->event_count() == events_after_check_in);
    CHECK_FALSE(day_of(*disk, bo, disk->today())->has_check_out());
  }

  SUBCASE("staying in changes nothing") {
    REQUIRE(d.tap("double_tap.stay"));
    CHECK(d.ui->session.screen == ScreenId::Board);
    CHECK(ft::test::reopen(d)->event_count() == events_after_check_in);
  }
  SUBCASE("going out is the other action, asked for explicitly") {
    REQUIRE(d.tap("double_tap.go_out"));
    REQUIRE(d.ui->session.confirmation.has_value());
    CHECK_FALSE(d.ui->session.confirmation->checked_in);
    auto disk = ft::test::reopen(d);
    CHECK(day_of(*disk, bo, disk->today())->check_out == 8 * 60 + 1);
  }
}

TEST_CASE("a double tap on the tile with the PIN is caught the same way; later the tap checks out") {
  UiDriver d;
  const std::string aase = d.enrol("Åse Ærø-Ødegaard", "4321");
  for (int round = 0; round < 2; ++round) {
    REQUIRE(d.tap("board.tile." + aase));
    tap_pin(d, "pin", "4321");
    REQUIRE(d.tap("pin.ok"));
    d.ui->go_home();
    d.frame();
    d.advance(30 * 1000);
  }
  // The second round came 30 s later: the double-tap screen was shown and nothing written.
  auto disk = ft::test::reopen(d);
  CHECK_FALSE(day_of(*disk, aase, disk->today())->has_check_out());

  d.advance(3 * kMinute);
  REQUIRE(d.tap("board.tile." + aase));
  tap_pin(d, "pin", "4321");
  REQUIRE(d.tap("pin.ok"));
  REQUIRE(d.ui->session.confirmation.has_value());
  CHECK_FALSE(d.ui->session.confirmation->checked_in);
  disk = ft::test::reopen(d);
  CHECK(day_of(*disk, aase, disk->today())->has_check_out());
}

TEST_CASE("the morning question: the trainee answers when they left, a supervisor confirms, the flag goes") {
  UiDriver d;
  const std::string line = d.enrol("Line Dahl", "");  // no PIN: the tile alone checks in
  const std::string boss = d.add_staff("Susanne Konsulent", ft::Role::Supervisor);
  d.advance(-kDay);  // Tuesday: checked in, forgot to check out
  REQUIRE(d.tap("board.tile." + line));
  d.ui->go_home();
  d.advance(kDay);  // Wednesday 08:00
  d.frame();
  const ft::Day tuesday = d.centre->today() - 1;

  REQUIRE(d.tap("board.tile." + line));
  CHECK(d.ui->session.screen == ScreenId::MorningQuestion);
  CHECK_FALSE(d.ui->session.confirmation.has_value());
  REQUIRE(d.tap("morning.hour.15"));
  CHECK_FALSE(d.ui->targets.find("morning.save")->enabled);  // the minutes are still to choose
  REQUIRE(d.tap("morning.quarter.30"));
  REQUIRE(d.tap("morning.save"));
  REQUIRE(d.ui->session.confirmation.has_value());  // then the check-in is confirmed as usual
  CHECK(d.ui->session.confirmation->checked_in);
  CHECK_FALSE(d.ui->session.confirmation->note.empty());
  {
    auto disk = ft::test::reopen(d);
    CHECK(day_of(*disk, line, disk->today())->check_in == 8 * 60);
    CHECK(day_of(*disk, line, tuesday)->proposed_out == 15 * 60 + 30);
    CHECK(ft::day_status(*disk->state().trainee(line), tuesday, disk->rules(), disk->today()) ==
          ft::DayStatus::ForgottenCheckout);  // flagged until confirmed
  }

  REQUIRE(d.tap("pin.done"));
  d.login(boss);
  CHECK(d.ui->session.screen == ScreenId::Dashboard);
  const std::string confirm = "dashboard.confirm_checkout." + line + "." + ft::format_day(tuesday);
  REQUIRE(d.scroll_to(confirm, "dashboard.confirm_checkout."));
  REQUIRE(d.tap(confirm));
  auto disk = ft::test::reopen(d);
  const ft::AttendanceDay* tue = day_of(*disk, line, tuesday);
  CHECK(tue->confirmed_out == 15 * 60 + 30);
  CHECK(tue->confirmed_by == boss);
  CHECK(ft::day_status(*disk->state().trainee(line), tuesday, disk->rules(), disk->today()) !=
        ft::DayStatus::ForgottenCheckout);
  d.frame();
  CHECK_FALSE(d.visible(confirm));
}

TEST_CASE("after the wrong-PIN limit an instructor's PIN on the same screen lifts the lock and checks the trainee in") {
  UiDriver d;
  const std::string piotr = d.enrol("Piotr Kowalski", "2468");
  const std::string inge = d.add_staff("Inge Instruktør", ft::Role::Instructor, "13579");
  REQUIRE(d.tap("board.tile." + piotr));
  for (int i = 0; i < d.centre->rules().pin_attempts; ++i) {
    tap_pin(d, "pin", "1111");
    REQUIRE(d.tap("pin.ok"));
  }
  CHECK(d.ui->session.screen == ScreenId::LockoutHelp);  // calm words, not a red error
  CHECK(ft::test::reopen(d)->attempts(piotr).locked_until_ms > d.now_ms);

  REQUIRE(d.tap("lockout.staff." + inge));
  tap_pin(d, "lockout", "13579");
  REQUIRE(d.tap("lockout.ok"));
  INFO(d.ui->session.screen, " ", d.ui->session.lockout.message, " ", d.ui->pin_message());
  REQUIRE(d.ui->session.confirmation.has_value());
  CHECK(d.ui->session.confirmation->checked_in);

  auto disk = ft::test::reopen(d);
  CHECK(day_of(*disk, piotr, disk->today())->check_in == 8 * 60);
  CHECK(disk->attempts(piotr).failures == 0);
  CHECK(disk->attempts(piotr).locked_until_ms == 0);
  int lifted = 0;
  for (const auto& e : all_events(*disk))
    if (e.type == ft::ev::kLockLifted) {
      ++lifted;
      CHECK(e.actor_id == inge);  // recorded with who did it
      CHECK(e.payload["person_id"] == piotr);
    }
  CHECK(lifted == 1);
}

TEST_CASE("an instructor's badge on the lockout screen does the same") {
  UiDriver d;
  const std::string t = d.enrol("Jiří Dvořák", "2468");
  ft::AddStaff a;
  a.name = "Inge Instruktør";
  a.pin = "13579";
  a.badge = "7777001";
  const std::string inge = d.centre->execute(a, ft::local_admin()).new_id;
  REQUIRE(d.tap("board.tile." + t));
  for (int i = 0; i < d.centre->rules().pin_attempts; ++i) {
    tap_pin(d, "pin", "1111");
    REQUIRE(d.tap("pin.ok"));
  }
  REQUIRE(d.ui->session.screen == ScreenId::LockoutHelp);
  scan(d, "7777001");
  CHECK_FALSE(d.ui->session.staff.has_value());  // no staff session: only the trainee's punch
  auto disk = ft::test::reopen(d);
  CHECK(day_of(*disk, t, disk->today()) != nullptr);
  CHECK(all_events(*disk).back().actor_id == inge);
}

TEST_CASE("every screen a trainee sees switches to their language, and the board returns to Danish") {
  UiDriver d;
  const std::string pl = enrol_in(d, "Łukasz Świątek", "pl", "", "1234");
  const std::string uk = enrol_in(d, "Олена Шевченко", "uk", "55501234");
  CHECK(d.ui->session.language == "da");

  REQUIRE(d.tap("board.tile." + pl));
  CHECK(d.ui->session.language == "pl");  // the PIN pad already
  CHECK(d.ui->t("pin.enter") == d.env->tr("pl")("pin.enter"));
  CHECK(d.ui->t("pin.enter") != d.env->tr("en")("pin.enter"));
  tap_pin(d, "pin", "1234");
  REQUIRE(d.tap("pin.ok"));
  CHECK(d.ui->session.language == "pl");  // the confirmation
  REQUIRE(d.tap("pin.my_page"));
  CHECK(d.ui->session.screen == ScreenId::MyProgress);
  CHECK(d.ui->session.language == "pl");  // their progress page
  CHECK(d.ui->missing_keys().empty());
  for (const auto& o : d.ui->overflows) MESSAGE(o);
  CHECK(d.ui->overflows.empty());
  REQUIRE(d.tap("nav.home"));
  CHECK(d.ui->session.screen == ScreenId::Board);
  CHECK(d.ui->session.language == "da");

  scan(d, "55501234");
  CHECK(d.ui->session.language == "uk");
  CHECK(d.ui->t("pin.done") == d.env->tr("uk")("pin.done"));
  d.advance(7000);  // the confirmation closes by itself
  d.frames(2);
  CHECK(d.ui->session.screen == ScreenId::Board);
  CHECK(d.ui->session.language == "da");
  CHECK(d.ui->missing_keys().empty());
}

TEST_CASE("a supervisor who opens a Ukrainian trainee's review keeps their own language") {
  UiDriver d;
  const std::string olena = enrol_in(d, "Олена Шевченко", "uk", "55501234");
  const std::string boss = d.add_staff("Susanne Konsulent", ft::Role::Supervisor);
  d.ui->options.language = "en";  // the board in English, so neither Danish nor Ukrainian is the answer by chance
  d.ui->go_home();
  d.login(boss);
  REQUIRE(d.tap("dashboard.row." + olena));
  CHECK(d.ui->session.screen == ScreenId::Trainee);
  CHECK(d.ui->session.subject_id == olena);
  CHECK(d.ui->session.language == "en");
  CHECK(d.ui->t("review.title") == d.env->tr("en")("review.title"));
  // The trainee's own language still holds the moment she identifies herself.
  REQUIRE(d.tap("nav.logout"));
  scan(d, "55501234");
  CHECK(d.ui->session.language == "uk");
}

TEST_CASE("read-aloud: greeting, confirmation and next step in the trainee's language, only when they asked") {
  UiDriver d;
  const std::string olena = enrol_in(d, "Олена Шевченко", "uk", "55501234");
  const std::string bo = d.enrol("Bo Kristensen", "", "00451234");
  REQUIRE(d.centre->execute(ft::SetLanguage{olena, "", true}, ft::local_admin()).ok());

  scan(d, "00451234");
  CHECK(d.speaker.said.empty());  // Bo did not ask for it
  d.ui->go_home();
  d.frame();
  scan(d, "55501234");
  REQUIRE(d.speaker.said.size() == 1);
  CHECK(d.speaker.said[0].voice == "uk");
  const auto& uk = d.env->tr("uk");
  CHECK(d.speaker.said[0].text.find(ft::fill(uk("pin.welcome"), {{"name", "Олена Ш."}})) == 0);
  CHECK(d.speaker.said[0].text.find(uk("speech.next_in")) != std::string::npos);
}

TEST_CASE("a trainee picks Ukrainian on their own page: written as them, every string and skill in Ukrainian") {
  UiDriver d;
  const std::string olena = enrol_in(d, "Олена Шевченко", "da", "", "1234");
  // Ukrainian as its file has it, without the English that fills its gaps: a
  // key the page uses and uk.json lacks now shows as the key and is recorded.
  keep_only_own_texts(d, "uk");
  open_own_page(d, olena, "1234");
  CHECK(d.ui->session.language == "da");
  CHECK(d.visible("progress.read_aloud"));
  const std::int64_t before = ft::test::reopen(d)->event_count();

  REQUIRE(d.tap("progress.language"));  // the translate icon, on every page of theirs
  CHECK(d.ui->session.language == "da");
  for (const char* lang : {"da", "en", "pl", "uk"}) CHECK(d.visible(std::string("language.pick.") + lang));
  CHECK(d.env->tr("uk")("language.self") == "Українська");  // named in its own script
  REQUIRE(d.tap("language.pick.uk"));

  // Written once, as the trainee herself.
  {
    auto disk = ft::test::reopen(d);
    CHECK(disk->event_count() == before + 1);
    CHECK(disk->state().trainee(olena)->language.value == "uk");
    const auto last = all_events(*disk).back();
    CHECK(last.type == "TraineeUpdated");
    CHECK(last.actor_id == olena);
  }
  // The page switched at once, the list closed, and every string on it is Ukrainian.
  CHECK(d.ui->session.screen == ScreenId::MyProgress);
  CHECK(d.ui->session.language == "uk");
  CHECK_FALSE(d.visible("language.pick.uk"));
  d.frames(2);
  for (const auto& k : d.ui->missing_keys()) MESSAGE("not in uk.json: " << k);
  CHECK(d.ui->missing_keys().empty());
  CHECK(d.ui->t("progress.skills") == "Мої навички");
  CHECK(d.ui->t("language.self") == "Українська");
  for (const auto& skill : d.centre->catalogue().skills) {
    CAPTURE(skill.key);
    CHECK(d.ui->skill_label(skill) == skill.labels.at("uk"));
    CHECK(d.ui->skill_label(skill) != skill.labels.at("da"));
  }
  for (const auto& o : d.ui->overflows) MESSAGE(o);
  CHECK(d.ui->overflows.empty());

  // Choosing the language it already has writes nothing.
  REQUIRE(d.tap("progress.language"));
  REQUIRE(d.tap("language.pick.uk"));
  CHECK(ft::test::reopen(d)->event_count() == before + 1);

  // The board is Danish for the next person; her PIN pad speaks Ukrainian.
  REQUIRE(d.tap("nav.home"));
  CHECK(d.ui->session.screen == ScreenId::Board);
  CHECK(d.ui->session.language == "da");
  CHECK(d.ui->t("board.hint") == d.env->tr("da")("board.hint"));
  REQUIRE(d.tap("board.tile." + olena));
  CHECK(d.ui->session.language == "uk");
  d.advance(61 * kSecond);  // untouched: back to the board, in Danish
  d.frames(2);
  CHECK(d.ui->session.screen == ScreenId::Board);
  CHECK(d.ui->session.language == "da");
}

TEST_CASE("read-aloud switched on on the own page says so, then greets at the next check-in; switched off, nothing") {
  UiDriver d;
  const std::string bo = enrol_in(d, "Bo Kristensen", "da", "00451234", "1234");
  const auto& da = d.env->tr("da");
  open_own_page(d, bo, "1234");
  CHECK(d.speaker.said.empty());

  REQUIRE(d.tap("progress.read_aloud"));
  CHECK(ft::test::reopen(d)->state().trainee(bo)->read_aloud.value == "1");
  CHECK(all_events(*ft::test::reopen(d)).back().actor_id == bo);
  REQUIRE(d.speaker.said.size() == 1);  // one short sentence, so he hears that it works
  CHECK(d.speaker.said[0].voice == "da");
  CHECK(d.speaker.said[0].text == da("read_aloud.said_on"));

  REQUIRE(d.tap("nav.home"));
  scan(d, "00451234");  // the next check-in
  REQUIRE(d.speaker.said.size() == 2);
  CHECK(d.speaker.said[1].text.find(ft::fill(da("pin.welcome"), {{"name", "Bo K."}})) == 0);
  CHECK(d.speaker.said[1].text.find(da("speech.next_in")) != std::string::npos);

  REQUIRE(d.tap("pin.my_page"));
  REQUIRE(d.tap("progress.read_aloud"));  // off
  CHECK(ft::test::reopen(d)->state().trainee(bo)->read_aloud.value == "0");
  CHECK(d.speaker.said.size() == 2);  // switching off says nothing
  REQUIRE(d.tap("nav.home"));
  d.advance(4 * 60 * kMinute);
  scan(d, "00451234");  // the check-out
  REQUIRE(d.ui->session.confirmation.has_value());
  CHECK_FALSE(d.ui->session.confirmation->checked_in);
  CHECK(d.speaker.said.size() == 2);
}

TEST_CASE("in practice the own language and read-aloud hold for the session and nothing is written") {
  UiDriver d;
  const std::string anna = d.enrol("Anna Jensen", "1357");
  const std::string boss = d.add_staff("Susanne Konsulent", ft::Role::Supervisor);
  d.login(boss);
  REQUIRE(d.tap("dashboard.row." + anna));
  REQUIRE(d.tap("review.practice"));
  const std::int64_t before = ft::test::reopen(d)->event_count();
  open_own_page(d, anna, "1357");
  REQUIRE(d.tap("progress.language"));
  REQUIRE(d.tap("language.pick.pl"));
  CHECK(d.ui->session.language == "pl");
  REQUIRE(d.tap("progress.read_aloud"));
  REQUIRE(d.speaker.said.size() == 1);
  CHECK(d.speaker.said[0].voice == "pl");
  CHECK(d.speaker.said[0].text == d.env->tr("pl")("read_aloud.said_on"));
  CHECK(d.ui->reads_aloud_to(anna));
  auto disk = ft::test::reopen(d);
  CHECK(disk->event_count() == before);
  CHECK(disk->state().trainee(anna)->language.value == "da");
  CHECK(disk->state().trainee(anna)->read_aloud.value.empty());
  REQUIRE(d.tap("nav.home"));
  REQUIRE(d.tap("practice.end"));
  CHECK_FALSE(d.ui->reads_aloud_to(anna));  // the practice setting ended with the practice
}

TEST_CASE("espeak-ng really speaks Danish, Polish and Ukrainian into a WAV file") {
  bool found = false;
  for (const char* dir : {"/usr/bin", "/usr/local/bin", "/bin"})
    found = found || access((std::string(dir) + "/espeak-ng").c_str(), X_OK) == 0;
  if (!found) {
    MESSAGE("espeak-ng is not installed (.ci/deps installs it): skipped");
    return;
  }
  ft::test::TempDir dir;
  for (const auto& [voice, text] : {std::pair{"da", "Godmorgen, du er tjekket ind."},
                                    std::pair{"pl", "Dzień dobry, zameldowałeś się."},
                                    std::pair{"uk", "Доброго ранку, ви зареєструвалися."}}) {
    const std::string wav = dir.file(std::string(voice) + ".wav");
    CAPTURE(voice);
    REQUIRE(ft::ui::run_espeak(ft::ui::espeak_argv(ft::ui::voice_for(voice), text, wav)));
    CHECK(std::filesystem::file_size(wav) > 44);  // more than a WAV header
  }
}

TEST_CASE("a practice session walks the board, the PIN pad and the own page and writes nothing") {
  UiDriver d;
  const std::string anna = d.enrol("Anna Jensen", "1357");
  const std::string other = d.enrol("Bo Kristensen", "2468");
  const std::string boss = d.add_staff("Susanne Konsulent", ft::Role::Supervisor);
  d.login(boss);
  const std::int64_t events_before = ft::test::reopen(d)->event_count();

  REQUIRE(d.tap("dashboard.row." + anna));
  REQUIRE(d.tap("review.practice"));
  CHECK(d.ui->practising());
  CHECK_FALSE(d.ui->session.staff.has_value());  // the trainee gets no staff rights
  CHECK(d.ui->session.screen == ScreenId::Practice);
  CHECK(d.visible("board.tile." + anna));
  CHECK_FALSE(d.visible("board.tile." + other));  // nobody else on a practice board
  CHECK(d.visible("practice.end"));

  // A wrong PIN, then the right one, check-in, the own page, home, and a check-out.
  REQUIRE(d.tap("board.tile." + anna));
  tap_pin(d, "pin", "9999");
  REQUIRE(d.tap("pin.ok"));
  CHECK_FALSE(d.ui->pin_message().empty());
  tap_pin(d, "pin", "1357");
  REQUIRE(d.tap("pin.ok"));
  REQUIRE(d.ui->session.confirmation.has_value());
  CHECK(d.ui->session.confirmation->practice);
  REQUIRE(d.tap("pin.my_page"));
  CHECK(d.ui->session.screen == ScreenId::MyProgress);
  CHECK(d.ui->practising());
  REQUIRE(d.tap("nav.home"));
  CHECK(d.ui->session.screen == ScreenId::Practice);
  REQUIRE(d.tap("board.tile." + anna));
  tap_pin(d, "pin", "1357");
  REQUIRE(d.tap("pin.ok"));
  REQUIRE(d.tap("pin.done"));
  REQUIRE(d.tap("practice.end"));
  CHECK_FALSE(d.ui->practising());
  CHECK(d.ui->session.screen == ScreenId::Board);

  auto disk = ft::test::reopen(d);
  CHECK(disk->event_count() == events_before);  // nothing in the log
  CHECK(disk->attempts(anna).failures == 0);    // nor a wrong-PIN count
  CHECK(disk->state().trainee(anna)->days.empty());
  CHECK(d.ui->overflows.empty());
}
