// See startup_worker.hpp.
#include "terminal/app/startup_worker.hpp"

#include <chrono>
#include <thread>

namespace ft {

namespace {
const Catalogue* prepare(const std::function<const Environment*()>& environment,
                         const std::function<void(const Environment&)>& open_centre, std::future<void>& opening) {
  const bool core_each = std::thread::hardware_concurrency() >= 3;
  if (!core_each) std::this_thread::sleep_for(std::chrono::milliseconds(4));
  const Environment* env = environment();
  if (!env) return nullptr;
  if (core_each)
    opening = std::async(std::launch::async, [open_centre, env] { open_centre(*env); });  // a copy: it may outlive the worker
  else
    open_centre(*env);
  return &env->catalogue;
}
}  // namespace

StartupWorker::StartupWorker(float width, float height, std::function<const Environment*()> environment,
                             std::function<void(const Environment&)> open_centre)
    : fonts_(width, height,
             [this, environment = std::move(environment), open_centre = std::move(open_centre)] {
               return prepare(environment, open_centre, opening_);
             }) {}

void StartupWorker::wait() {
  fonts_.wait();
  if (opening_.valid()) opening_.get();
}

}  // namespace ft
