// Group commit on a real SQLite file: pushes that queue while a group is
// being written go together in the next transaction, each push's failure
// stays its own, and what the caller is told was stored is on disk (read
// back through a second connection).
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <latch>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "sync/server/group_commit.hpp"
#include "tests/test_support.hpp"

using namespace ft;
using namespace ft::server;
using namespace ft::test;

namespace {

void insert(SqlDb& db, std::int64_t n) { SqlStmt(db, "INSERT INTO rows(n) VALUES (?)").bind(1, n).run(); }

struct Fixture {
  TempDir dir;
  std::string path = dir.file("group.db");
  std::unique_ptr<SqlDb> writer = SqlDb::open_sqlite(path, true);
  std::mutex writer_mutex;
  std::atomic<int> transactions{0};
  GroupCommit group{[this](const std::function<void(SqlDb&)>& work) {
    std::lock_guard lock(writer_mutex);
    ++transactions;
    work(*writer);
  }};
  Fixture() { writer->exec("CREATE TABLE rows(n INTEGER NOT NULL UNIQUE)"); }

  std::vector<std::int64_t> stored() {
    auto reader = SqlDb::open_sqlite(path, false);
    SqlStmt s(*reader, "SELECT n FROM rows ORDER BY n");
    std::vector<std::int64_t> out;
    while (s.step()) out.push_back(s.int64(0));
    return out;
  }

  // A first push (row 0) holds the writer until `queued` more, push(1) to
  // push(queued) each on a thread of its own, wait behind it; then all run.
  void behind_a_held_group(int queued, const std::function<void(int)>& push) {
    std::latch leader_writing(1), release_leader(1);
    std::thread leader([&] {
      group.run([&](SqlDb& db) {
        insert(db, 0);
        leader_writing.count_down();
        release_leader.wait();  // the others queue meanwhile
      });
    });
    leader_writing.wait();
    std::vector<std::thread> others;
    for (int i = 1; i <= queued; ++i) others.emplace_back([&push, i] { push(i); });
    while (group.waiting() < static_cast<std::size_t>(queued)) std::this_thread::yield();
    release_leader.count_down();
    leader.join();
    for (auto& t : others) t.join();
  }
};

}  // namespace

TEST_SUITE("group_commit") {
  TEST_CASE_FIXTURE(Fixture, "pushes queued behind a group share the next transaction; a failing one is undone alone") {
    constexpr int kQueued = 30;
    std::atomic<int> failed{0};
    behind_a_held_group(kQueued, [&](int i) {
      try {
        group.run([&](SqlDb& db) {
          insert(db, i + 100);
          if (i == 7) insert(db, 0);  // breaks UNIQUE: a database error half-way through this push
          if (i == 13) throw std::runtime_error("the push's own failure, after it wrote");
        });
      } catch (const SqlError&) {
        CHECK(i == 7);
        ++failed;
      } catch (const std::runtime_error& e) {
        CHECK(i == 13);
        CHECK(std::string(e.what()) == "the push's own failure, after it wrote");
        ++failed;
      }
    });
    CHECK(transactions == 2);  // the leader's group, then one for all thirty
    CHECK(failed == 2);
    std::vector<std::int64_t> expected{0};
    for (int i = 1; i <= kQueued; ++i)
      if (i != 7 && i != 13) expected.push_back(i + 100);
    CHECK(stored() == expected);  // 107 and 113 were written before their pushes failed: undone with them
  }

  TEST_CASE_FIXTURE(Fixture, "a commit that fails fails every push of its group, and stores none") {
    std::atomic<int> refused{0};
    behind_a_held_group(3, [&](int i) {
      try {
        group.run([&](SqlDb& db) {
          insert(db, i);
          // A deferred check that only COMMIT can find: the whole group's commit fails.
          if (i == 2)
            db.exec("CREATE TABLE IF NOT EXISTS parent(id INTEGER PRIMARY KEY); "
                    "CREATE TABLE IF NOT EXISTS child(p INTEGER REFERENCES parent(id) DEFERRABLE "
                    "INITIALLY DEFERRED); INSERT INTO child(p) VALUES (42)");
        });
      } catch (const SqlError&) {
        ++refused;
      }
    });
    CHECK(refused == 3);
    CHECK(stored() == std::vector<std::int64_t>{0});
  }

  TEST_CASE_FIXTURE(Fixture, "a long queue is written in groups of at most 64") {
    constexpr int kQueued = 100;
    std::atomic<int> acknowledged_before_stored{0};
    behind_a_held_group(kQueued, [&](int i) {
      group.run([&](SqlDb& db) { insert(db, i); });
      // Returned means committed: the row is there for any other connection.
      const auto now = stored();
      if (std::find(now.begin(), now.end(), i) == now.end()) ++acknowledged_before_stored;
    });
    CHECK(acknowledged_before_stored == 0);
    CHECK(transactions == 3);  // the leader's, then 64, then 36
    CHECK(stored().size() == kQueued + 1);
  }
}
