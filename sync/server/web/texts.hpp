// The web view's words: assets/i18n/web/<lang>.json (Danish and English),
// read with the kiosk's own parser and backed by the kiosk's translations of
// the same language, so a stage, an absence kind, a guarantee status or a
// reason reads on the web exactly as on the floor (one text for each).
#pragma once
#include <map>
#include <memory>
#include <string>

#include "terminal/core/i18n.hpp"

namespace ft::server::web {

inline const char* const kWebLanguages[] = {"da", "en"};

class WebTexts {
 public:
  // nullptr and a sentence in `error` when a file is missing or malformed.
  static std::unique_ptr<WebTexts> load(const std::string& assets_dir, std::string& error);
  // The texts of `language`; Danish for anything else.
  const Translations& in(const std::string& language) const;
  static bool known(const std::string& language);

 private:
  WebTexts() = default;
  std::map<std::string, Translations> kiosk_;  // the fallbacks: pointers into here stay valid
  std::map<std::string, Translations> web_;
};

}  // namespace ft::server::web
