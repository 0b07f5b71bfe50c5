// Read-aloud through espeak-ng (see speaker.hpp).
#include "terminal/ui/speaker.hpp"

#include <spawn.h>
#include <sys/wait.h>

#include <fcntl.h>

extern char** environ;

namespace ft::ui {

std::string voice_for(const std::string& language) {
  // espeak-ng 1.51 (Debian 12) has voices for all four; more languages can be added here.
  for (const char* v : {"da", "en", "pl", "uk"})
    if (language == v) return v;
  return "";
}

std::vector<std::string> espeak_argv(const std::string& voice, const std::string& text, const std::string& wav_path) {
  std::vector<std::string> argv = {"espeak-ng", "-v", voice};
  if (!wav_path.empty()) argv.insert(argv.end(), {"-w", wav_path});
  argv.push_back("--");  // the text can never be read as an option
  argv.push_back(text);
  return argv;
}

bool run_espeak(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  // espeak-ng's own messages (a missing voice, ...) go nowhere: they may quote the text.
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return false;
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
  }
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

EspeakSpeaker::EspeakSpeaker() : worker_([this] { run(); }) {}

EspeakSpeaker::~EspeakSpeaker() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
    queue_.clear();
  }
  wake_.notify_one();
  worker_.join();
}

void EspeakSpeaker::say(const std::string& voice, const std::string& text) {
  if (voice.empty() || text.empty()) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    // Only the newest words matter: a queue of stale greetings helps nobody.
    while (queue_.size() >= 2) queue_.pop_front();
    queue_.emplace_back(voice, text);
  }
  wake_.notify_one();
}

void EspeakSpeaker::run() {
  for (;;) {
    std::pair<std::string, std::string> next;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      next = std::move(queue_.front());
      queue_.pop_front();
    }
    run_espeak(espeak_argv(next.first, next.second));
  }
}

}  // namespace ft::ui
