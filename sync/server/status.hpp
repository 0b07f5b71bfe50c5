// `sync-server status --json`: the whole server, and for each centre its
// numbers and its trainees, each exactly as `floor-terminal status --json`
// shows the same trainee on a terminal of that centre after a sync (one
// function, ft::trainee_status_json, makes both).
#pragma once
#include "sync/server/server_store.hpp"
#include "terminal/core/catalogue.hpp"
#include "terminal/core/i18n.hpp"
#include "terminal/core/rules.hpp"

namespace ft::server {

Json server_status_json(ServerStore& store, const Catalogue& catalogue, const Translations& tr, Day today,
                        std::int64_t now_ms);
// The rules a centre's trainees are judged by: the defaults, with the centre's capacity.
Rules centre_rules(const CentreInfo& centre);

}  // namespace ft::server
