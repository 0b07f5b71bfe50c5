// A browser as far as the web view's HTTP tests need one, and the
// administrator's commands they stand on: HTTPS verified against the test CA,
// cookies kept as Set-Cookie gives them, no redirects followed (a test looks
// at each one). For web_test.cpp and the suites beside it.
#pragma once
#include <httplib.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "sync/server/web/texts.hpp"
#include "tests/sync/sync_fixture.hpp"

namespace ft::test {

constexpr const char* kWebPassword = "korrekt hest batteri";

// The web view's texts as the server loads them, from the build's assets: what a page should say.
inline const server::web::WebTexts& web_texts() {
  static std::unique_ptr<server::web::WebTexts> texts = [] {
    std::string error;
    auto t = server::web::WebTexts::load(asset(""), error);
    REQUIRE_MESSAGE(t, error);
    return t;
  }();
  return *texts;
}
// A day in words in `language`, as the pages should show it.
inline std::string day_in_words(const std::string& language, const std::string& iso) {
  return server::web::day_words(web_texts().in(language), *parse_day(iso));
}

// A user made as an administrator makes one; returns the new id.
inline std::string add_web_user(const ServerProcess& server, const std::string& login, const std::string& role,
                                const std::vector<std::string>& centres, const std::string& password = kWebPassword) {
  std::vector<std::string> args{"add-user", "--db", server.db(), "--name", login, "--role", role};
  for (const auto& c : centres) args.insert(args.end(), {"--centre", c});
  auto r = sync_server(args, password + "\n");
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return last_line(r.out);
}

// The access log's rows with `action` about `person`.
inline int access_rows(const ServerProcess& server, const std::string& action, const std::string& person) {
  auto r = sync_server({"access-log", "--db", server.db(), "--person", person, "--json"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  int n = 0;
  for (const auto& row : Json::parse(r.out))
    if (row.at("action") == action && row.at("person") == person) ++n;
  return n;
}

struct WebClient {
  httplib::SSLClient client;
  std::map<std::string, std::string> cookies;
  std::vector<std::string> set_cookie_lines;  // of the last reply

  explicit WebClient(const ServerProcess& server) : client("127.0.0.1", server.port()) {
    client.set_ca_cert_path(pki().ca.c_str());
    client.enable_server_certificate_verification(true);
  }
  httplib::Headers headers() const {
    std::string c;
    for (const auto& [k, v] : cookies) c += (c.empty() ? "" : "; ") + k + "=" + v;
    return c.empty() ? httplib::Headers{} : httplib::Headers{{"Cookie", c}};
  }
  void keep(const httplib::Result& r) {
    REQUIRE_MESSAGE(r, "no reply from the server");
    set_cookie_lines.clear();
    for (const auto& [k, v] : r->headers) {
      if (k != "Set-Cookie") continue;
      set_cookie_lines.push_back(v);
      const auto eq = v.find('='), semi = v.find(';');
      const std::string name = v.substr(0, eq), value = v.substr(eq + 1, semi - eq - 1);
      if (value.empty())
        cookies.erase(name);
      else
        cookies[name] = value;
    }
  }
  httplib::Response get(const std::string& path) {
    auto r = client.Get(path.c_str(), headers());
    keep(r);
    return *r;
  }
  httplib::Response post(const std::string& path, const httplib::Params& form) {
    auto r = client.Post(path.c_str(), headers(), form);
    keep(r);
    return *r;
  }
  // The hidden csrf field of a page (every page of a session has one, in the logout form).
  static std::string csrf_in(const std::string& html) {
    const std::string marker = "name=\"csrf\" value=\"";
    const auto at = html.find(marker);
    REQUIRE(at != std::string::npos);
    const auto start = at + marker.size();
    return html.substr(start, html.find('"', start) - start);
  }
  httplib::Response log_in(const std::string& user, const std::string& password) {
    const auto form = get("/login");
    return post("/login", {{"csrf", csrf_in(form.body)}, {"username", user}, {"password", password}});
  }
  void log_in(const std::string& user) { REQUIRE(log_in(user, kWebPassword).status == 303); }
};

}  // namespace ft::test
