// Store faults as the command line meets them: a database locked by another
// process, a full disk, a read-only file system. Each gives one clear
// sentence, loses nothing, and the terminal recovers once the fault clears.
// The disk tests mount a small tmpfs and so need root (as in CI); elsewhere
// they say so and skip.
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <sys/mount.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/test_support.hpp"

using namespace ft::test;
using Json = nlohmann::json;

namespace {

int event_count(const std::string& db) {
  auto r = ft::test::floor_terminal({"status", "--db", db, "--json"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return Json::parse(r.out)["events"].get<int>();
}

// A tmpfs of `size` mounted on a fresh folder; unmounted on destruction.
struct SmallDisk {
  TempDir dir;
  bool mounted = false;
  explicit SmallDisk(const char* size) {
    mounted = ::mount("tmpfs", dir.path.c_str(), "tmpfs", 0, (std::string("size=") + size + ",mode=0700").c_str()) == 0;
  }
  ~SmallDisk() {
    if (mounted) ::umount2(dir.path.c_str(), MNT_DETACH);
  }
};
}  // namespace

TEST_CASE("a database locked by another process: a clear message, nothing lost, and it works once released") {
  TempDir dir;
  const auto db = dir.file("centre.db");
  REQUIRE(ft::test::floor_terminal({"enrol", "--db", db, "--name", "Første Kursist"}).exit_code == 0);
  sqlite3* other;
  REQUIRE(sqlite3_open(db.c_str(), &other) == SQLITE_OK);
  REQUIRE(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
  auto r = ft::test::floor_terminal({"enrol", "--db", db, "--name", "Anden Kursist"});
  CHECK(r.exit_code == 3);
  CHECK(r.err == "The database is in use by another program. Try again in a moment.\n");
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  CHECK(event_count(db) == 1);
  CHECK(ft::test::floor_terminal({"enrol", "--db", db, "--name", "Anden Kursist"}).exit_code == 0);
  CHECK(event_count(db) == 2);
  CHECK(ft::test::floor_terminal({"verify", "--db", db}).exit_code == 0);
}

TEST_CASE("a full disk: a clear message, nothing lost, and recovery once space is freed") {
  SmallDisk disk("2M");
  if (!disk.mounted) {
    MESSAGE("skipped: mounting a tmpfs needs root");
    return;
  }
  const auto db = disk.dir.file("centre.db");
  std::vector<std::string> ids;
  for (int i = 0; i < 5; ++i) {
    auto r = ft::test::floor_terminal({"enrol", "--db", db, "--name", "Kursist " + std::to_string(i)});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    ids.push_back(last_line(r.out));
  }
  const int before = event_count(db);
  // Fill the rest of the disk.
  const auto filler = disk.dir.file("filler");
  {
    std::ofstream f(filler, std::ios::binary);
    const std::string block(4096, 'x');
    while (f.write(block.data(), block.size())) {
    }
  }
  int refused = 0;
  std::string message;
  for (int i = 0; i < 40; ++i) {  // until the WAL needs a new page
    auto r = ft::test::floor_terminal({"enrol", "--db", db, "--name", "Fylder Disken " + std::to_string(i) + std::string(150, 'x'), "--waitlist"});
    if (r.exit_code != 0) {
      ++refused;
      message = r.err;
      break;
    }
  }
  REQUIRE(refused == 1);
  CHECK(message == "The disk is full. Nothing was saved; free some space and try again.\n");
  std::filesystem::remove(filler);
  const int after = event_count(db);
  CHECK(after >= before);
  auto r = ft::test::floor_terminal({"enrol", "--db", db, "--name", "Efter Oprydning", "--waitlist"});
  CHECK_MESSAGE(r.exit_code == 0, r.err);
  CHECK(event_count(db) == after + 1);
  auto v = ft::test::floor_terminal({"verify", "--db", db});
  CHECK_MESSAGE(v.exit_code == 0, v.err);
}

TEST_CASE("a read-only file system: a clear message and nothing changes; writable again, it works") {
  SmallDisk disk("4M");
  if (!disk.mounted) {
    MESSAGE("skipped: mounting a tmpfs needs root");
    return;
  }
  const auto db = disk.dir.file("centre.db");
  REQUIRE(ft::test::floor_terminal({"enrol", "--db", db, "--name", "Læse Kursist"}).exit_code == 0);
  REQUIRE(::mount(nullptr, disk.dir.path.c_str(), nullptr, MS_REMOUNT | MS_RDONLY, nullptr) == 0);
  auto r = ft::test::floor_terminal({"enrol", "--db", db, "--name", "Skrive Kursist"});
  CHECK(r.exit_code != 0);
  CHECK(r.err == "The database cannot be written (read-only). Nothing was saved.\n");
  REQUIRE(::mount(nullptr, disk.dir.path.c_str(), nullptr, MS_REMOUNT, nullptr) == 0);
  CHECK(event_count(db) == 1);
  CHECK(ft::test::floor_terminal({"enrol", "--db", db, "--name", "Skrive Kursist"}).exit_code == 0);
  CHECK(event_count(db) == 2);
}
