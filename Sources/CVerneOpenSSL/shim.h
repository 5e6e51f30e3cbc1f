// The few libcrypto headers the SDK's Linux crypto layer uses. Only calls present and not
// deprecated in both OpenSSL 1.1.1 and 3.x are used, so no deprecation suppression is
// needed here.
#ifndef C_VERNE_OPENSSL_SHIM_H
#define C_VERNE_OPENSSL_SHIM_H
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/ecdsa.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/obj_mac.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <openssl/x509.h>
// Not libcrypto, but the Linux system call behind SecureRandom: one call, no open file.
#include <sys/random.h>
#endif
