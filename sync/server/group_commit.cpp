#include "sync/server/group_commit.hpp"

#include <algorithm>

namespace ft::server {

void GroupCommit::run(const std::function<void(SqlDb&)>& work) {
  Job job{&work, nullptr, false};
  std::unique_lock lock(mutex_);
  queue_.push_back(&job);
  while (!job.done) {
    changed_.wait(lock, [&] { return job.done || !leading_; });
    if (job.done) break;
    // No group is being written: this push leads the next one, which holds
    // the pushes that queued while the last group was on its way to disk,
    // oldest first and at most kMaxGroup (every reply in a group waits for
    // all of it, and so do the web view's writes behind it). With more
    // queued than that, this push may not be in the group it leads: it then
    // waits, or leads again, until it is written.
    leading_ = true;
    const auto take = std::min(queue_.size(), kMaxGroup);
    std::vector<Job*> group(queue_.begin(), queue_.begin() + static_cast<long>(take));
    queue_.erase(queue_.begin(), queue_.begin() + static_cast<long>(take));
    lock.unlock();
    std::exception_ptr whole;
    try {
      write_group(group);
    } catch (...) {
      whole = std::current_exception();  // BEGIN or COMMIT failed: nothing of the group is stored
    }
    lock.lock();
    for (Job* j : group) {
      if (whole) j->failure = whole;
      j->done = true;
    }
    leading_ = false;
    changed_.notify_all();
  }
  if (job.failure) std::rethrow_exception(job.failure);
}

void GroupCommit::write_group(const std::vector<Job*>& group) {
  writer_([&](SqlDb& db) {
    SqlTx tx(db);
    for (Job* j : group) {
      db.exec("SAVEPOINT push");
      try {
        (*j->work)(db);
        db.exec("RELEASE push");
      } catch (...) {
        j->failure = std::current_exception();
        db.exec("ROLLBACK TO push; RELEASE push");
      }
    }
    tx.commit();
  });
}

std::size_t GroupCommit::waiting() {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

}  // namespace ft::server
