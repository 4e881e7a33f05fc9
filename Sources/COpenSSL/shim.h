#ifndef CHRONICLE_COPENSSL_SHIM_H
#define CHRONICLE_COPENSSL_SHIM_H
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/sha.h>
#endif
