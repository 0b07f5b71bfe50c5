// The trainee's own page's state (my-progress, my-internship, my-language).
#pragma once
#include <string>

namespace ft::ui {

// The trainee's own page: the language list open or not, and a refusal to show.
struct MyPageDraft {
  bool choosing_language = false;
  std::string message;
};

}  // namespace ft::ui
