// The keyboard-wedge badge reader as the kiosk feeds it: digits and Enter
// arrive as typed characters ('\r' for Enter, see kiosk.cpp's key callback),
// often all within one frame. In the morning the trainees queue at the
// reader, so the next card is held to it while the last trainee's
// confirmation, double-tap question or morning question is still on screen;
// those scans must punch, not vanish. Results are checked in the SQLite file.
#include <doctest/doctest.h>

#include "tests/ui/driver.hpp"

using ft::test::checked_in_today;
using ft::test::UiDriver;
using ft::ui::ScreenId;

namespace {

constexpr std::int64_t kMinute = 60 * 1000;

// Bo's card is 1001, Åse's 1002, in a fresh centre.
struct Queue {
  UiDriver d;
  const std::string bo = d.enrol("Bo Kristensen", "1234", "1001");
  const std::string aase = d.enrol("Åse Ærø-Ødegaard", "1234", "1002");
};

}  // namespace

TEST_CASE_FIXTURE(Queue,
                  "the next trainee's badge, scanned while the last one's confirmation shows, checks them in too") {
  const std::string nour = d.enrol("Nour Haddad", "1234", "1003");
  d.scan_card("1001");
  REQUIRE(d.ui->session.confirmation.has_value());
  REQUIRE(d.ui->session.confirmation->trainee_id == bo);

  d.advance(1000);
  d.scan_card("1002");  // Bo's confirmation is still up
  REQUIRE(d.ui->session.confirmation.has_value());
  CHECK(d.ui->session.confirmation->trainee_id == aase);
  d.advance(1000);
  d.scan_card("1003");
  REQUIRE(d.ui->session.confirmation.has_value());
  CHECK(d.ui->session.confirmation->trainee_id == nour);

  auto disk = ft::test::reopen(d);
  CHECK(checked_in_today(*disk, bo));
  CHECK(checked_in_today(*disk, aase));
  CHECK(checked_in_today(*disk, nour));
}

TEST_CASE_FIXTURE(Queue, "a badge scanned over the double-tap question or the morning question is not lost") {
  d.scan_card("1001");
  d.advance(kMinute);
  d.scan_card("1001");  // Bo again: the double-tap question, and Bo walks off
  REQUIRE(d.ui->session.screen == ScreenId::DoubleTap);
  d.scan_card("1002");
  REQUIRE(d.ui->session.confirmation.has_value());
  CHECK(d.ui->session.confirmation->trainee_id == aase);
  CHECK(checked_in_today(*ft::test::reopen(d), aase));
  CHECK_FALSE(ft::test::reopen(d)->state().trainee(bo)->days.begin()->second.has_check_out());

  // The next morning Åse has no check-out for yesterday: she is asked, and
  // leaves the question open; Bo scans behind her.
  d.advance(24 * 60 * kMinute);
  REQUIRE(d.tap("pin.done"));
  d.scan_card("1002");
  REQUIRE(d.ui->session.screen == ScreenId::MorningQuestion);
  d.scan_card("1001");  // Bo left without checking out yesterday too: now he is asked
  CHECK(d.ui->session.screen == ScreenId::MorningQuestion);
  CHECK(d.ui->session.morning.trainee_id == bo);
  auto disk = ft::test::reopen(d);
  CHECK(checked_in_today(*disk, aase));
  CHECK(checked_in_today(*disk, bo));
}

TEST_CASE_FIXTURE(Queue, "a scan split across the moment the confirmation closes arrives whole") {
  d.scan_card("1001");
  REQUIRE(d.ui->session.confirmation.has_value());
  d.reader_burst("10");                 // the first half of Åse's card ...
  d.advance(7000);                      // ... the confirmation's time runs out between two frames ...
  d.reader_burst("02\r");               // ... and the rest follows
  CHECK(d.ui->session.banner.empty());  // not "unknown badge 02"
  REQUIRE(d.ui->session.confirmation.has_value());
  CHECK(d.ui->session.confirmation->trainee_id == aase);
  CHECK(checked_in_today(*ft::test::reopen(d), aase));
}

TEST_CASE_FIXTURE(Queue, "two scans that reach the kiosk in one frame are two punches, not one unknown badge") {
  // A busy frame (a check-in waiting for the disk, the kiosk starting up) lets
  // the keys of two cards queue up; they arrive together in the next one.
  d.reader_burst("1001\r1002\r");
  CHECK(d.ui->session.banner.empty());
  REQUIRE(d.ui->session.confirmation.has_value());
  CHECK(d.ui->session.confirmation->trainee_id == aase);  // the last card's confirmation shows
  auto disk = ft::test::reopen(d);
  CHECK(checked_in_today(*disk, bo));
  CHECK(checked_in_today(*disk, aase));
}

TEST_CASE_FIXTURE(Queue, "a card held to the reader while the PIN pad is open checks its owner in, not into the PIN") {
  // Bo taps his tile (the PIN pad opens), starts typing, then uses his card.
  REQUIRE(d.tap("board.tile." + bo));
  REQUIRE(d.ui->session.screen == ScreenId::Pin);
  REQUIRE(d.tap("pin.key.1"));
  d.advance(300);
  d.reader_burst("10");  // a reader's keys spread over two frames, 20 ms apart
  d.advance(20);
  d.reader_burst("01\r");
  REQUIRE(d.ui->session.confirmation.has_value());
  CHECK(d.ui->session.confirmation->trainee_id == bo);
  CHECK(d.ui->session.pin.digits.empty());
  CHECK(d.ui->session.pin.message.empty());  // no "wrong PIN": the card's digits were never a PIN
  CHECK(checked_in_today(*ft::test::reopen(d), bo));

  // Åse's card on Bo's PIN pad punches Åse: the card says who is there.
  d.advance(5 * kMinute);
  d.ui->go_home();
  d.frames(2);
  REQUIRE(d.tap("board.tile." + aase));
  REQUIRE(d.ui->session.screen == ScreenId::Pin);
  d.scan_card("1002");
  REQUIRE(d.ui->session.confirmation.has_value());
  CHECK(d.ui->session.confirmation->trainee_id == aase);
  CHECK(checked_in_today(*ft::test::reopen(d), aase));
}

TEST_CASE_FIXTURE(Queue, "a PIN typed on a USB keypad, Enter included, is a PIN however it ends") {
  REQUIRE(d.tap("board.tile." + aase));
  REQUIRE(d.ui->session.screen == ScreenId::Pin);
  for (char c : std::string("1234")) {  // a person's pace: far slower than a reader
    d.advance(250);
    d.reader_burst(std::string(1, c));
  }
  CHECK(d.ui->session.pin.digits == "1234");
  d.advance(250);
  d.reader_burst("\r");  // Enter pressed and released within one frame arrives as '\r'
  REQUIRE(d.ui->session.confirmation.has_value());
  CHECK(d.ui->session.confirmation->trainee_id == aase);
  CHECK(checked_in_today(*ft::test::reopen(d), aase));
}

TEST_CASE_FIXTURE(Queue, "an instructor who chose their name and then uses their card is logged in by the card") {
  ft::Outcome added = d.centre->execute(ft::AddStaff{"Jens Kristensen", ft::Role::Instructor, "24680", "9001"},
                                        ft::local_admin());
  REQUIRE(added.ok());
  d.frame();
  REQUIRE(d.tap("board.staff"));
  REQUIRE(d.tap("login.staff." + added.new_id));
  REQUIRE(d.tap("login.key.2"));
  d.advance(200);
  d.scan_card("9001");
  REQUIRE(d.ui->session.staff.has_value());
  CHECK(d.ui->session.staff->actor.id == added.new_id);
  CHECK(d.ui->session.login.digits.empty());
}
