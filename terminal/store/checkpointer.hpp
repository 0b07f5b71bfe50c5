// Moves SQLite's WAL checkpoints off the thread that commits.
//
// SQLite copies the write-ahead log back into the database file when a
// commit leaves the log at 1000 pages or more, inside that commit: the
// check-in that crosses the line waits for a thousand page writes and an
// fsync of the database file before its "you are checked in". A check-in
// writes four pages (the event, its two unique indexes, the attendance
// projection), so on the kiosk every 250th tap paid for it. With this, the
// commit only wakes a thread that checkpoints on a connection of its own,
// passively, beside the next check-ins (WAL allows it; a crash in the middle
// leaves the log to be checkpointed again, as always).
//
// Only for a process that keeps its database open (the kiosk). A command-line
// process keeps SQLite's own checkpoint, which also runs when it closes.
#pragma once
#include <sqlite3.h>

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "terminal/store/database.hpp"

namespace ft {

class BackgroundCheckpointer {
 public:
  // Opens its own connection to `db`'s file and takes over `db`'s WAL hook.
  // Null (and `db` keeps SQLite's own checkpoints) when the file cannot be opened.
  static std::unique_ptr<BackgroundCheckpointer> start(Database& db, StoreError& error, int pages = kDefaultPages);
  ~BackgroundCheckpointer();  // gives `db` SQLite's own checkpoints back, then ends the thread
  BackgroundCheckpointer(const BackgroundCheckpointer&) = delete;
  BackgroundCheckpointer& operator=(const BackgroundCheckpointer&) = delete;

  static constexpr int kDefaultPages = 1000;  // SQLite's own threshold
  std::uint64_t checkpoints_done() const;     // completed passes, for tests and logs
  void wait_for_checkpoints(std::uint64_t n) const;

 private:
  BackgroundCheckpointer(Database& db, sqlite3* own, int pages);
  static int on_commit(void* self, sqlite3* db, const char* schema, int wal_pages);
  void run();

  Database& db_;
  sqlite3* own_;
  const int pages_;
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  bool due_ = false;
  bool stop_ = false;
  std::uint64_t done_ = 0;
  std::thread thread_;
};

}  // namespace ft
