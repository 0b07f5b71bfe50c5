// Jobcentre-side events made on the server: a referral (a citizen sent to
// the centre, waiting in stage "referred") and a staff account. Their
// payloads match what terminal/core/decide.cpp writes for Enrol{waitlist}
// and AddStaff, so evolve() folds them like any terminal's.
#pragma once
#include <optional>
#include <string>

#include "sync/server/server_store.hpp"

namespace ft::server {

struct Created {
  std::optional<std::string> id;  // the new trainee or staff id
  std::string error;              // a sentence when refused
};

Created add_referral(ServerStore& store, const std::string& name, std::int64_t now_ms);
Created add_staff(ServerStore& store, const std::string& name, const std::string& role, const std::string& pin,
                  std::int64_t now_ms);

}  // namespace ft::server
