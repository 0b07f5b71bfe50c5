// Group commit: pushes that arrive together share one transaction and so
// one wait for the disk.
//
// With `synchronous=FULL` (SQLite) or `synchronous_commit=on` (PostgreSQL)
// every commit waits for its flush (about 4 ms on the virtual disk we measure
// on). SQLite has one writer whatever we do; on PostgreSQL the pushes of one
// centre take turns under its row lock (so that seq follows commit order), so
// a centre's 50 terminals pushing at once queue behind 50 flushes one after
// another. Here the first push to arrive while no group of its lane is being
// written leads: it takes every push queued in its lane so far, runs each
// inside its own savepoint of one transaction, commits once, and only then do
// their replies go out. A push is acknowledged only after the commit that
// holds it is durable, exactly as before; a push that fails is rolled back to
// its savepoint alone and its caller gets the exception, while the others
// commit (docs/performance.md).
//
// Lanes: SQLite has one (its write lock covers every centre). PostgreSQL has
// one per centre: a group takes its centre's lock once, after BEGIN, and no
// other, so two server processes on one database cannot deadlock, and the
// groups of different centres are written at the same time on different
// pooled connections.
#pragma once
#include <condition_variable>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "sync/server/sql.hpp"

namespace ft::server {

class GroupCommit {
 public:
  enum class Lanes {
    One,        // SQLite: every push in one lane, whatever its centre
    PerCentre,  // PostgreSQL: a lane per centre, each group under that centre's lock
  };
  // Lends a writer connection to the leader of a group, for that group.
  using Writer = std::function<void(const std::function<void(SqlDb&)>&)>;
  GroupCommit(Writer writer, Lanes lanes) : writer_(std::move(writer)), lanes_(lanes) {}

  // Runs `work` (a push to `centre_id`) inside a transaction shared with
  // the pushes queued beside it; returns once that transaction is committed.
  // Rethrows what `work` threw (after undoing its writes), or the failure
  // of the group's transaction as a whole (BEGIN, the lock, COMMIT, or a
  // broken connection), in which case nothing of the group is stored.
  void run(const std::string& centre_id, const std::function<void(SqlDb&)>& work);

  // Pushes queued for a next group, in all lanes (while groups are being written).
  std::size_t waiting();

 private:
  struct Job {
    const std::function<void(SqlDb&)>* work;
    std::exception_ptr failure;
    bool done = false;
  };
  struct Lane {
    std::vector<Job*> queue;
    bool leading = false;  // a group of this lane is being written
    std::condition_variable changed;
  };
  void write_group(const std::string& centre_id, const std::vector<Job*>& group);

  static constexpr std::size_t kMaxGroup = 64;
  Writer writer_;
  const Lanes lanes_;
  std::mutex mutex_;
  // By centre id ("" for SQLite's one lane). Never erased: one per centre a
  // process has seen pushes of, a few dozen in a municipality.
  std::map<std::string, Lane> by_centre_;
};

}  // namespace ft::server
