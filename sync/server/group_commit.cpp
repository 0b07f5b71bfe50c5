#include "sync/server/group_commit.hpp"

#include <algorithm>

namespace ft::server {

void GroupCommit::run(const std::string& centre_id, const std::function<void(SqlDb&)>& work) {
  const std::string key = lanes_ == Lanes::PerCentre ? centre_id : std::string();
  Job job{&work, nullptr, false};
  std::unique_lock lock(mutex_);
  Lane& lane = by_centre_[key];  // map nodes stay put: the reference outlives later insertions
  lane.queue.push_back(&job);
  while (!job.done) {
    lane.changed.wait(lock, [&] { return job.done || !lane.leading; });
    if (job.done) break;
    // No group of this lane is being written: this push leads the next one,
    // which holds the pushes that queued while the last group was on its way
    // to disk, oldest first and at most kMaxGroup (every reply in a group
    // waits for all of it, and so do the web view's writes behind it). With
    // more queued than that, this push may not be in the group it leads: it
    // then waits, or leads again, until it is written.
    lane.leading = true;
    const auto take = std::min(lane.queue.size(), kMaxGroup);
    std::vector<Job*> group(lane.queue.begin(), lane.queue.begin() + static_cast<long>(take));
    lane.queue.erase(lane.queue.begin(), lane.queue.begin() + static_cast<long>(take));
    lock.unlock();
    std::exception_ptr whole;
    try {
      write_group(key, group);
    } catch (...) {
      whole = std::current_exception();  // BEGIN, the lock or COMMIT failed: nothing of the group is stored
    }
    lock.lock();
    for (Job* j : group) {
      if (whole) j->failure = whole;
      j->done = true;
    }
    lane.leading = false;
    lane.changed.notify_all();
  }
  if (job.failure) std::rethrow_exception(job.failure);
}

void GroupCommit::write_group(const std::string& centre_id, const std::vector<Job*>& group) {
  writer_([&](SqlDb& db) {
    SqlTx tx(db);
    // Once for the group, before any push takes its seq: the centre's seq
    // then follows commit order across groups and server processes.
    if (lanes_ == Lanes::PerCentre) db.lock_centre(centre_id);
    for (Job* j : group) {
      db.exec("SAVEPOINT push");
      try {
        (*j->work)(db);
        db.exec("RELEASE push");
      } catch (...) {
        j->failure = std::current_exception();
        // Throws in turn when the connection is gone (PostgreSQL restarted):
        // then the whole group fails, and each of its pushes is retried.
        db.exec("ROLLBACK TO push; RELEASE push");
      }
    }
    tx.commit();
  });
}

std::size_t GroupCommit::waiting() {
  std::lock_guard lock(mutex_);
  std::size_t n = 0;
  for (const auto& [key, lane] : by_centre_) n += lane.queue.size();
  return n;
}

}  // namespace ft::server
