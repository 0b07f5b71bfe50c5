// Store faults as a trainee meets them on the kiosk, through the headless
// driver over a real SQLite file: another program holds the write lock (a
// real second connection in BEGIN IMMEDIATE), or the disk is full. The PIN
// pad says plainly that the check-in was not saved and what to do, nothing
// is written, and the same PIN or card works once the fault is gone. The
// full disk is a small tmpfs and so needs root (as in CI); elsewhere it
// says so and skips.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/mount.h>
#include <unistd.h>

#include <filesystem>

#include "tests/ui/driver.hpp"

using ft::test::checked_in_today;
using ft::test::UiDriver;
using ft::ui::ScreenId;

namespace {

void tap_pin(UiDriver& d, const std::string& digits) {
  for (char c : digits) REQUIRE(d.tap("pin.key." + std::string(1, c)));
}

// Another program on the same file, in the middle of a write transaction.
struct SecondWriter {
  sqlite3* db = nullptr;
  bool locked = false;
  explicit SecondWriter(const std::string& path) {
    locked = sqlite3_open(path.c_str(), &db) == SQLITE_OK &&
             sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK;
  }
  void release() {
    if (locked) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    locked = false;
  }
  ~SecondWriter() {
    release();
    sqlite3_close(db);
  }
};

void check_verify(const UiDriver& d) {
  auto v = ft::test::floor_terminal({"verify", "--db", d.db_path});
  CHECK_MESSAGE(v.exit_code == 0, v.err);
}

}  // namespace

TEST_CASE(
    "a database locked by another program: the PIN pad says the check-in was not saved, and the same PIN works once it "
    "is free") {
  UiDriver d;
  const std::string aase = d.enrol("Åse Ærø-Ødegaard", "2468");
  const std::int64_t before = ft::test::reopen(d)->event_count();
  SecondWriter other(d.db_path);
  REQUIRE(other.locked);

  REQUIRE(d.tap("board.tile." + aase));
  tap_pin(d, "2468");
  REQUIRE(d.tap("pin.ok"));  // waits for the lock as long as SQLite's busy timeout, then gives up
  CHECK(d.ui->session.screen == ScreenId::Pin);
  CHECK_FALSE(d.ui->session.confirmation.has_value());
  CHECK(d.ui->pin_message() ==
        "Du er ikke tjekket ind: terminalen kunne ikke gemme det. Prøv igen om lidt med din PIN-kode eller dit kort. "
        "Sker det igen, så sig det til en instruktør.");
  d.frame();
  CHECK(d.visible("pin.key.2"));  // the pad stays for another try
  CHECK(d.ui->overflows.empty());

  other.release();
  CHECK(ft::test::reopen(d)->event_count() == before);  // nothing written, nothing half-written
  tap_pin(d, "2468");
  REQUIRE(d.tap("pin.ok"));
  REQUIRE(d.ui->session.confirmation.has_value());
  CHECK(d.ui->session.confirmation->checked_in);
  auto disk = ft::test::reopen(d);
  CHECK(checked_in_today(*disk, aase));
  CHECK(disk->event_count() == before + 1);
  check_verify(d);
}

TEST_CASE("in English, a card scanned while the database is locked is refused plainly, and the same card works later") {
  UiDriver d;
  d.ui->options.language = "en";
  d.ui->go_home();
  ft::Enrol e;  // Bo reads English: his screens speak it once his card is read
  e.name = "Bo Kristensen";
  e.pin = "1234";
  e.badge = "1001";
  e.language = "en";
  const std::string bo = d.centre->execute(e, ft::local_admin()).new_id;
  REQUIRE_FALSE(bo.empty());
  const std::int64_t before = ft::test::reopen(d)->event_count();
  SecondWriter other(d.db_path);
  REQUIRE(other.locked);

  d.scan_card("1001");
  CHECK(d.ui->session.screen == ScreenId::Pin);
  CHECK_FALSE(d.ui->session.confirmation.has_value());
  CHECK(d.ui->pin_message() ==
        "You are not checked in: the terminal could not save it. Try again in a moment with your PIN or your card. "
        "If it happens again, tell an instructor.");
  CHECK(d.ui->session.pin.digits.empty());  // the card's digits are not left in the PIN pad
  d.scan_card("1001");                      // still locked: refused the same way, and nothing typed
  CHECK(d.ui->pin_message().find("not checked in") != std::string::npos);
  CHECK(d.ui->session.pin.digits.empty());

  other.release();
  CHECK(ft::test::reopen(d)->event_count() == before);
  d.scan_card("1001");
  REQUIRE(d.ui->session.confirmation.has_value());
  CHECK(checked_in_today(*ft::test::reopen(d), bo));
  CHECK(ft::test::reopen(d)->event_count() == before + 1);
  check_verify(d);
}

TEST_CASE("a full disk: the check-in is refused with whom to tell, and works once space is freed") {
  ft::test::TempDir disk;
  if (::mount("tmpfs", disk.path.c_str(), "tmpfs", 0, "size=8M,mode=0700") != 0) {
    MESSAGE("skipped: mounting a tmpfs needs root");
    return;
  }
  struct Unmount {
    const std::string path;
    ~Unmount() { ::umount2(path.c_str(), MNT_DETACH); }
  } unmount{disk.path.string()};
  UiDriver d(ImVec2(1280, 800), disk.file("centre.db"));
  const std::string nour = d.enrol("Nour Haddad", "1357");
  const std::int64_t before = ft::test::reopen(d)->event_count();
  const std::string filler = disk.file("filler");
  {
    const int fd = ::open(filler.c_str(), O_WRONLY | O_CREAT, 0600);
    REQUIRE(fd >= 0);
    const std::string block(4096, 'x');
    while (::write(fd, block.data(), block.size()) > 0) {
    }
    ::close(fd);
  }

  REQUIRE(d.tap("board.tile." + nour));
  tap_pin(d, "1357");
  REQUIRE(d.tap("pin.ok"));
  CHECK_FALSE(d.ui->session.confirmation.has_value());
  CHECK(d.ui->pin_message() ==
        "Du er ikke tjekket ind: terminalen kunne ikke gemme det. Sig det til en instruktør, som kan ringe til IT. "
        "Disken er fuld. Intet er gemt; frigør plads og prøv igen.");
  d.frame();
  CHECK(d.ui->overflows.empty());

  std::filesystem::remove(filler);
  CHECK(ft::test::reopen(d)->event_count() == before);
  tap_pin(d, "1357");
  REQUIRE(d.tap("pin.ok"));
  REQUIRE(d.ui->session.confirmation.has_value());
  CHECK(checked_in_today(*ft::test::reopen(d), nour));
  CHECK(ft::test::reopen(d)->event_count() == before + 1);
  check_verify(d);
}
