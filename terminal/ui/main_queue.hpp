// Results from background threads (sync, a slow report) reach the UI through
// this queue: a thread posts a task and wakes the loop (glfwPostEmptyEvent in
// the kiosk); the loop runs the tasks on the main thread, then redraws.
#pragma once
#include <functional>
#include <mutex>
#include <utility>
#include <vector>

namespace ft::ui {

class MainThreadQueue {
 public:
  explicit MainThreadQueue(std::function<void()> wake) : wake_(std::move(wake)) {}

  // Any thread.
  void post(std::function<void()> task) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      tasks_.push_back(std::move(task));
    }
    if (wake_) wake_();
  }

  // Main thread. True when a task ran (the screen may have changed).
  bool run_pending() {
    std::vector<std::function<void()>> tasks;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      tasks.swap(tasks_);
    }
    for (auto& t : tasks) t();
    return !tasks.empty();
  }

 private:
  std::mutex mutex_;
  std::vector<std::function<void()>> tasks_;
  std::function<void()> wake_;
};

}  // namespace ft::ui
