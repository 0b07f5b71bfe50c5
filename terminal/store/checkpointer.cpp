// See checkpointer.hpp.
#include "terminal/store/checkpointer.hpp"

namespace ft {

std::unique_ptr<BackgroundCheckpointer> BackgroundCheckpointer::start(Database& db, StoreError& error, int pages) {
  sqlite3* own = nullptr;
  // The file exists and is ours (db opened it); never create one here.
  const int rc = sqlite3_open_v2(db.path().c_str(), &own, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK || sqlite3_exec(own, "PRAGMA synchronous=FULL", nullptr, nullptr, nullptr) != SQLITE_OK) {
    error = store_error_from(rc != SQLITE_OK ? rc : sqlite3_errcode(own), own);
    sqlite3_close(own);
    return nullptr;
  }
  return std::unique_ptr<BackgroundCheckpointer>(new BackgroundCheckpointer(db, own, pages));
}

BackgroundCheckpointer::BackgroundCheckpointer(Database& db, sqlite3* own, int pages)
    : db_(db), own_(own), pages_(pages), thread_([this] { run(); }) {
  sqlite3_wal_hook(db_.handle(), &BackgroundCheckpointer::on_commit, this);  // replaces SQLite's own
}

BackgroundCheckpointer::~BackgroundCheckpointer() {
  sqlite3_wal_autocheckpoint(db_.handle(), kDefaultPages);  // our hook is gone before the thread is
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  thread_.join();
  sqlite3_close(own_);
}

// Runs on the committing thread, inside SQLite: only says that a pass is due.
int BackgroundCheckpointer::on_commit(void* self, sqlite3*, const char*, int wal_pages) {
  auto* c = static_cast<BackgroundCheckpointer*>(self);
  if (wal_pages >= c->pages_) {
    {
      std::lock_guard<std::mutex> lock(c->mutex_);
      c->due_ = true;
    }
    c->changed_.notify_all();
  }
  return SQLITE_OK;
}

void BackgroundCheckpointer::run() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    changed_.wait(lock, [this] { return due_ || stop_; });
    if (stop_) return;
    due_ = false;
    lock.unlock();
    // PASSIVE, as SQLite's own: copies what no reader still needs and never
    // waits for a lock. A pass that fails (busy, a full disk) leaves the log
    // as it is; the next commit past the threshold asks again.
    sqlite3_wal_checkpoint_v2(own_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    lock.lock();
    ++done_;
    changed_.notify_all();
  }
}

std::uint64_t BackgroundCheckpointer::checkpoints_done() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return done_;
}

void BackgroundCheckpointer::wait_for_checkpoints(std::uint64_t n) const {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [&] { return done_ >= n; });
}

}  // namespace ft
