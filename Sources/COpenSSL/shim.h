#ifndef CHRONICLE_COPENSSL_SHIM_H
#define CHRONICLE_COPENSSL_SHIM_H
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/sha.h>
#include <string.h>
#include <errno.h>
#include <stdint.h>
#include <sys/socket.h>

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
    SSL_CTX_set_dh_auto(ctx, 1);  // the DHE suites above need DH parameters: OpenSSL's built-in groups
    SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_SERVER);
    static const unsigned char context_id[] = "chronicle";
    SSL_CTX_set_session_id_context(ctx, context_id, sizeof(context_id) - 1);
    SSL_CTX_sess_set_cache_size(ctx, 20480);
    SSL_CTX_set_alpn_select_cb(ctx, chronicle_alpn_select, NULL);
    return 1;
}

// A socket BIO that sends with MSG_NOSIGNAL. OpenSSL's own socket BIO writes with write(2), so a
// peer that resets the connection raises SIGPIPE and kills any process that has not ignored it
// (a test runner, a host embedding the server). The descriptor is the BIO's data; the Swift side
// stops calling into the SSL object once its socket is closed.
static int chronicle_bio_write(BIO *bio, const char *data, int length) {
    int fd = (int)(intptr_t)BIO_get_data(bio);
    BIO_clear_retry_flags(bio);
    ssize_t n;
    do { n = send(fd, data, (size_t)length, MSG_NOSIGNAL); } while (n < 0 && errno == EINTR);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) BIO_set_retry_write(bio);
    return (int)n;
}

static int chronicle_bio_read(BIO *bio, char *data, int length) {
    int fd = (int)(intptr_t)BIO_get_data(bio);
    BIO_clear_retry_flags(bio);
    ssize_t n;
    do { n = recv(fd, data, (size_t)length, 0); } while (n < 0 && errno == EINTR);
    if (n == 0) BIO_set_flags(bio, BIO_FLAGS_IN_EOF);  // the peer closed: BIO_CTRL_EOF reports it
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) BIO_set_retry_read(bio);
    return (int)n;
}

static int chronicle_bio_puts(BIO *bio, const char *text) { return chronicle_bio_write(bio, text, (int)strlen(text)); }

static long chronicle_bio_ctrl(BIO *bio, int command, long number, void *pointer) {
    (void)number; (void)pointer;
    switch (command) {
    case BIO_CTRL_FLUSH: return 1;  // nothing is buffered here
    case BIO_CTRL_DUP: return 1;
    case BIO_CTRL_EOF: return BIO_test_flags(bio, BIO_FLAGS_IN_EOF) != 0;
    default: return 0;
    }
}

static int chronicle_bio_create(BIO *bio) { BIO_set_init(bio, 1); return 1; }

/// The BIO method, made once per process (a function-local static: headers imported into Swift
/// cannot define file-scope variables). Racing first calls may each make one; one is kept.
static BIO_METHOD *chronicle_bio_method(void) {
    static BIO_METHOD *shared;
    BIO_METHOD *method = __atomic_load_n(&shared, __ATOMIC_ACQUIRE);
    if (method) return method;
    method = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK | BIO_TYPE_DESCRIPTOR, "chronicle socket");
    if (!method) return NULL;
    BIO_meth_set_write(method, chronicle_bio_write);
    BIO_meth_set_read(method, chronicle_bio_read);
    BIO_meth_set_puts(method, chronicle_bio_puts);
    BIO_meth_set_ctrl(method, chronicle_bio_ctrl);
    BIO_meth_set_create(method, chronicle_bio_create);
    BIO_METHOD *expected = NULL;
    if (!__atomic_compare_exchange_n(&shared, &expected, method, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        BIO_meth_free(method);
        return expected;
    }
    return method;
}

/// Attaches `fd` to `ssl` through the MSG_NOSIGNAL BIO; 1 on success.
static int chronicle_ssl_attach_socket(SSL *ssl, int fd) {
    BIO_METHOD *method = chronicle_bio_method();
    if (!method) return 0;
    BIO *bio = BIO_new(method);
    if (!bio) return 0;
    BIO_set_data(bio, (void *)(intptr_t)fd);
    SSL_set_bio(ssl, bio, bio);  // one reference, owned by ssl for both directions
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
