// A refusal: why a command was not carried out. `code` is stable (tests and
// translations key on it); the sentence comes from the translation catalogue
// under "refusal.<code>", with {name}-style parameters filled in.
#pragma once
#include <map>
#include <string>

namespace ft {

struct Refusal {
  std::string code;
  std::map<std::string, std::string> params;
};

}  // namespace ft
