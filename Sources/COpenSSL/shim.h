#ifndef CHRONICLE_COPENSSL_SHIM_H
#define CHRONICLE_COPENSSL_SHIM_H
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/sha.h>
#include <string.h>

// OpenSSL configures contexts through macros over SSL_CTX_ctrl, which Swift cannot call; these
// wrappers apply Chronicle's TLS policy in C.

/// ALPN: choose "http/1.1" when the client offers it; otherwise continue without ALPN
/// (a client offering only h2 gets no protocol and may fall back or give up).
static int chronicle_alpn_select(SSL *ssl, const unsigned char **out, unsigned char *outlen,
                                 const unsigned char *in, unsigned int inlen, void *arg) {
    (void)ssl; (void)arg;
    static const unsigned char http11[] = "\x08http/1.1";
    unsigned char *selected = NULL;
    unsigned char selected_length = 0;
    if (SSL_select_next_proto(&selected, &selected_length, http11, sizeof(http11) - 1, in, inlen) == OPENSSL_NPN_NEGOTIATED) {
        *out = selected;
        *outlen = selected_length;
        return SSL_TLSEXT_ERR_OK;
    }
    return SSL_TLSEXT_ERR_NOACK;
}

/// TLS 1.2 and 1.3 only; the Mozilla "intermediate" ciphers for TLS 1.2 (TLS 1.3 suites are
/// OpenSSL's defaults, all AEAD); server cipher preference; no renegotiation or compression;
/// a server-side session cache plus stateless tickets; partial writes from a moving buffer.
static int chronicle_configure_server_context(SSL_CTX *ctx) {
    if (SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION) != 1) return 0;
    SSL_CTX_set_options(ctx, SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_RENEGOTIATION | SSL_OP_NO_COMPRESSION);
    SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_RELEASE_BUFFERS);
    if (SSL_CTX_set_cipher_list(ctx,
        "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
        "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:"
        "DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:DHE-RSA-CHACHA20-POLY1305") != 1) return 0;
    SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_SERVER);
    static const unsigned char context_id[] = "chronicle";
    SSL_CTX_set_session_id_context(ctx, context_id, sizeof(context_id) - 1);
    SSL_CTX_sess_set_cache_size(ctx, 20480);
    SSL_CTX_set_alpn_select_cb(ctx, chronicle_alpn_select, NULL);
    return 1;
}

/// The oldest queued OpenSSL error as text ("" when none), clearing the queue.
static void chronicle_ssl_error_string(char *buffer, size_t length) {
    unsigned long code = ERR_get_error();
    buffer[0] = 0;
    if (code != 0) ERR_error_string_n(code, buffer, length);
    ERR_clear_error();
}

static long chronicle_ssl_session_reused(SSL *ssl) { return SSL_session_reused(ssl); }

/// A client context for tests and tools: protocol versions limited to [min, max] (0 = no limit),
/// security level 0 so that old versions can at least be offered, and no certificate check unless
/// a CA file is given.
static SSL_CTX *chronicle_client_context(int min_version, int max_version, const char *ca_file) {
    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    if (!ctx) return NULL;
    SSL_CTX_set_security_level(ctx, 0);
    SSL_CTX_set_cipher_list(ctx, "DEFAULT:@SECLEVEL=0");
    if (min_version) SSL_CTX_set_min_proto_version(ctx, min_version);
    if (max_version) SSL_CTX_set_max_proto_version(ctx, max_version);
    if (ca_file) {
        SSL_CTX_load_verify_locations(ctx, ca_file, NULL);
        SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, NULL);
    } else {
        SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, NULL);
    }
    static const unsigned char alpn[] = "\x08http/1.1";
    SSL_CTX_set_alpn_protos(ctx, alpn, sizeof(alpn) - 1);
    return ctx;
}

static int chronicle_set_hostname(SSL *ssl, const char *name) { return (int)SSL_set_tlsext_host_name(ssl, name); }
#endif
