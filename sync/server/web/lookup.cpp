// What a request names: a centre, a trainee; see web_view.hpp.
#include "sync/server/projection.hpp"
#include "sync/server/web/web_view.hpp"

namespace ft::server::web {

std::optional<CentreInfo> centre_by_id(WebView& view, const std::string& id) {
  for (const auto& c : view.store.centres())
    if (c.id == id) return c;
  return std::nullopt;
}

FoundTrainee find_trainee(WebView& view, const std::string& id) {
  FoundTrainee f;
  view.store.with_reader([&](SqlDb& db) {
    SqlStmt s(db, "SELECT centre_id FROM trainee_core WHERE trainee_id=?");
    s.bind(1, id);
    if (!s.step()) return;
    f.centre_id = s.text(0);
    auto list = centre_trainees(db, f.centre_id, id);
    if (!list.empty() && list.front().enrolled) f.trainee = std::move(list.front());
  });
  return f;
}

std::optional<CentreInfo> seen_centre(WebView& view, const Visit& visit, const std::string& id,
                                      httplib::Response& res) {
  if (!visit.session.user.sees_centre(id)) {
    send_message(view, &visit, res, 403, "web.forbidden");
    return std::nullopt;
  }
  auto centre = centre_by_id(view, id);
  if (!centre) send_message(view, &visit, res, 404, "web.not_found");
  return centre;
}

std::optional<SeenTrainee> seen_trainee(WebView& view, const Visit& visit, const std::string& id) {
  FoundTrainee found = find_trainee(view, id);
  if (!found.trainee || !visit.session.user.sees_centre(found.centre_id)) return std::nullopt;
  auto centre = centre_by_id(view, found.centre_id);
  if (!centre) return std::nullopt;
  return SeenTrainee{std::move(*centre), std::move(*found.trainee)};
}

}  // namespace ft::server::web
