// Why a sync step failed: a stable code (tests, translations "sync.<code>")
// and a plain sentence for staff. Retry advice travels with it.
#pragma once
#include <optional>
#include <string>

namespace ft::sync {

struct Fault {
  std::string code;      // e.g. "connect_failed", "untrusted_certificate", "server_busy", "bad_reply"
  std::string sentence;  // one sentence, no personal data
  bool transient = true;              // worth retrying with backoff; false: needs a person (join again, fix the CA)
  std::optional<long> retry_after_s;  // the server asked to wait this long
};

}  // namespace ft::sync
