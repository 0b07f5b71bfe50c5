// What every reply of the web view carries, and the cookies. The policy:
// no script at all (none is needed), styles and images only from this
// server, no framing (clickjacking), HTTPS remembered for a year, no
// referrer leaving the page, and no page about persons kept in a cache.
#pragma once
#include <optional>
#include <string>

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace ft::server::web {

constexpr const char* kSessionCookie = "ft_session";
constexpr const char* kLoginCookie = "ft_login";  // the login form's CSRF token, before there is a session

void set_security_headers(httplib::Response& res);
// The value of a cookie the browser sent, if any.
std::optional<std::string> cookie(const httplib::Request& req, const std::string& name);
// A Set-Cookie value: Secure, HttpOnly, SameSite=Strict, Path=/; max_age_s < 0 keeps it for the browser's session.
std::string cookie_header(const std::string& name, const std::string& value, int max_age_s = -1);
std::string expired_cookie_header(const std::string& name);
// A constant-time comparison, for CSRF tokens.
bool same_secret(const std::string& a, const std::string& b);

// The CSRF token as a page carries it: a fresh random pad and the token XOR
// the pad, in hex, different in every reply. cpp-httplib gzips pages when the
// browser asks; a secret that read the same in every compressed page beside
// text an attacker chose would leak through the sizes (BREACH). Masked, it
// never repeats.
std::string mask_secret(const std::string& secret);
// Whether `masked` (from a form) unmasks to `secret`; constant time in the secret.
bool masked_secret_matches(const std::string& secret, const std::string& masked);

}  // namespace ft::server::web
