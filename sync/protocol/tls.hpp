// TLS as both ends speak it: Mozilla's "intermediate" server configuration
// (version 5.7): TLS 1.3 with OpenSSL's suites, and TLS 1.2 with ECDHE key
// exchange (forward secrecy) and AEAD ciphers only, no CBC, no static RSA.
// The server sets it on its SSL_CTX, the terminal's libcurl offers the same.
#pragma once

namespace ft::sync {

inline constexpr const char* kTls12Ciphers =
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
    "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
    "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

}  // namespace ft::sync
