// Read-aloud: the kiosk speaks the greeting, the confirmation and the next
// step to a trainee who asked for it (Trainee::read_aloud), in their language
// where espeak-ng has a voice. Speaking never delays the screen: one worker
// thread starts `espeak-ng -v <voice> -- <text>` with posix_spawnp (no shell,
// so no text is ever interpreted) and waits for it off the UI thread.
// Nothing spoken is logged: the words carry a person's name.
#pragma once
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace ft::ui {

class Speaker {
 public:
  virtual ~Speaker() = default;
  // Queues `text` to be spoken with `voice` (an espeak-ng voice name, "da", "en", ...); returns at once.
  virtual void say(const std::string& voice, const std::string& text) = 0;
};

// The espeak-ng voice for a language of the catalogue; empty when there is none.
std::string voice_for(const std::string& language);

// The command line that speaks `text` (or writes it to `wav_path` when set):
// argv for posix_spawnp, program first.
std::vector<std::string> espeak_argv(const std::string& voice, const std::string& text, const std::string& wav_path = "");

// Runs espeak-ng on a worker thread; when espeak-ng is missing, says nothing.
class EspeakSpeaker : public Speaker {
 public:
  EspeakSpeaker();
  ~EspeakSpeaker() override;
  void say(const std::string& voice, const std::string& text) override;

 private:
  void run();
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::pair<std::string, std::string>> queue_;
  bool stopping_ = false;
  std::thread worker_;
};

// Speaks nothing (the screenshot command).
class SilentSpeaker : public Speaker {
 public:
  void say(const std::string&, const std::string&) override {}
};

// Runs espeak-ng once and waits for it (tests, and the worker); false when it
// could not be started or failed.
bool run_espeak(const std::vector<std::string>& argv);

}  // namespace ft::ui
