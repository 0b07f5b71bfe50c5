// Group commit for SQLite's one writer: pushes that arrive together share
// one transaction and so one fsync.
//
// With `synchronous=FULL` every commit waits for the disk (about 4 ms on the
// virtual disk we measure on), and SQLite has one writer whatever we do, so
// 500 terminals pushing at once queue behind 500 fsyncs one after another.
// Here the first push to arrive while no group is being written leads: it
// takes every push queued so far, runs each inside its own savepoint of one
// transaction, commits once, and only then do their replies go out. A push
// is acknowledged only after the commit that holds it is on disk, exactly as
// before; a push that fails is rolled back to its savepoint alone and its
// caller gets the exception, while the others commit (docs/performance.md).
#pragma once
#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <vector>

#include "sync/server/sql.hpp"

namespace ft::server {

class GroupCommit {
 public:
  // Gives the writer connection to the leader of a group, for that group.
  using Writer = std::function<void(const std::function<void(SqlDb&)>&)>;
  explicit GroupCommit(Writer writer) : writer_(std::move(writer)) {}

  // Runs `work` on the writer inside a transaction shared with the pushes
  // queued beside it; returns once that transaction is committed. Rethrows
  // what `work` threw (after undoing its writes), or the commit's failure.
  void run(const std::function<void(SqlDb&)>& work);

  // Pushes queued for the next group (while one is being written).
  std::size_t waiting();

 private:
  struct Job {
    const std::function<void(SqlDb&)>* work;
    std::exception_ptr failure;
    bool done = false;
  };
  void write_group(const std::vector<Job*>& group);

  static constexpr std::size_t kMaxGroup = 64;
  Writer writer_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<Job*> queue_;
  bool leading_ = false;  // a group is being written
};

}  // namespace ft::server
