#ifndef PREFLIGHT_CCURLSHIM_H
#define PREFLIGHT_CCURLSHIM_H

// libcurl, loaded at run time with dlopen("libcurl.so.4") for `--insecure` only (see
// docs/http-client.md). There is no libcurl-dev on the build machines and none is needed: the
// few functions used are looked up with dlsym, and curl_easy_setopt, which is variadic and
// cannot be called from Swift, is wrapped in fixed-type functions.
//
// The option and error numbers below are libcurl's stable ABI, copied from curl's public
// header include/curl/curl.h (curl 7.x and 8.x; CURLOPTTYPE_LONG = 0, CURLOPTTYPE_OBJECTPOINT
// and CURLOPTTYPE_CBPOINT = 10000, CURLOPTTYPE_FUNCTIONPOINT = 20000). They never change
// meaning between releases.

#include <stddef.h>
#include <stdint.h>

/// An easy handle (CURL *).
typedef void *pf_curl_handle;
/// A header list (struct curl_slist *).
typedef void *pf_curl_slist;

/// CURLOPT_WRITEFUNCTION / CURLOPT_HEADERFUNCTION callbacks.
typedef size_t (*pf_curl_data_callback)(char *data, size_t size, size_t count, void *user);
/// CURLOPT_XFERINFOFUNCTION callback; non-zero aborts the transfer.
typedef int (*pf_curl_xferinfo_callback)(
    void *user, int64_t dltotal, int64_t dlnow, int64_t ultotal, int64_t ulnow);

// Options (CURLoption).
enum {
  PF_CURLOPT_WRITEDATA = 10001,
  PF_CURLOPT_URL = 10002,
  PF_CURLOPT_ERRORBUFFER = 10010,
  PF_CURLOPT_WRITEFUNCTION = 20011,
  PF_CURLOPT_HTTPHEADER = 10023,
  PF_CURLOPT_HEADERDATA = 10029,
  PF_CURLOPT_CUSTOMREQUEST = 10036,
  PF_CURLOPT_NOPROGRESS = 43,
  PF_CURLOPT_POST = 47,
  PF_CURLOPT_FOLLOWLOCATION = 52,
  PF_CURLOPT_XFERINFODATA = 10057,
  PF_CURLOPT_POSTFIELDSIZE = 60,
  PF_CURLOPT_SSL_VERIFYPEER = 64,
  PF_CURLOPT_MAXREDIRS = 68,
  PF_CURLOPT_HEADERFUNCTION = 20079,
  PF_CURLOPT_HTTPGET = 80,
  PF_CURLOPT_SSL_VERIFYHOST = 81,
  PF_CURLOPT_HTTP_VERSION = 84,
  PF_CURLOPT_NOSIGNAL = 99,
  PF_CURLOPT_OPENSOCKETFUNCTION = 20163,
  PF_CURLOPT_OPENSOCKETDATA = 10164,
  PF_CURLOPT_COPYPOSTFIELDS = 10165,
  PF_CURLOPT_CLOSESOCKETFUNCTION = 20208,
  PF_CURLOPT_CLOSESOCKETDATA = 10209,
  PF_CURLOPT_XFERINFOFUNCTION = 20219,
  PF_CURLOPT_SUPPRESS_CONNECT_HEADERS = 265,
  PF_CURLOPT_REDIR_PROTOCOLS = 182,
  PF_CURLOPT_REDIR_PROTOCOLS_STR = 10319,
};

// Values.
enum {
  PF_CURL_HTTP_VERSION_1_1 = 2,
  PF_CURL_ERROR_SIZE = 256,
  PF_CURL_GLOBAL_ALL = 3,
  PF_CURLPROTO_HTTPS = 2,
};

// Result codes (CURLcode) that Preflight sorts into failure kinds.
enum {
  PF_CURLE_OK = 0,
  PF_CURLE_UNSUPPORTED_PROTOCOL = 1,
  PF_CURLE_URL_MALFORMAT = 3,
  PF_CURLE_COULDNT_RESOLVE_PROXY = 5,
  PF_CURLE_COULDNT_RESOLVE_HOST = 6,
  PF_CURLE_COULDNT_CONNECT = 7,
  PF_CURLE_PARTIAL_FILE = 18,
  PF_CURLE_WRITE_ERROR = 23,
  PF_CURLE_OPERATION_TIMEDOUT = 28,
  PF_CURLE_SSL_CONNECT_ERROR = 35,
  PF_CURLE_ABORTED_BY_CALLBACK = 42,
  PF_CURLE_GOT_NOTHING = 52,
  PF_CURLE_SSL_ENGINE_NOTFOUND = 53,
  PF_CURLE_SEND_ERROR = 55,
  PF_CURLE_RECV_ERROR = 56,
  PF_CURLE_SSL_CERTPROBLEM = 58,
  PF_CURLE_SSL_CIPHER = 59,
  PF_CURLE_PEER_FAILED_VERIFICATION = 60,
  PF_CURLE_SSL_CACERT_BADFILE = 77,
  PF_CURLE_SSL_SHUTDOWN_FAILED = 80,
  PF_CURLE_SSL_CRL_BADFILE = 82,
  PF_CURLE_SSL_ISSUER_ERROR = 83,
  PF_CURLE_HTTP2 = 16,
  PF_CURLE_SSL_PINNEDPUBKEYNOTMATCH = 90,
  PF_CURLE_SSL_INVALIDCERTSTATUS = 91,
  PF_CURLE_HTTP2_STREAM = 92,
};

/// Loads libcurl and runs curl_global_init once (thread-safe; later calls return the first
/// outcome). Returns 0 on success; otherwise writes why into `error` (NUL-terminated, at most
/// `error_size` bytes) and returns -1.
int pf_curl_load(char *error, size_t error_size);

/// curl_easy_init; NULL when libcurl is not loaded or out of memory.
pf_curl_handle pf_curl_easy_init(void);
/// curl_easy_setopt with a long.
int pf_curl_setopt_long(pf_curl_handle handle, int option, long value);
/// curl_easy_setopt with a pointer (string, list, user data, buffer).
int pf_curl_setopt_pointer(pf_curl_handle handle, int option, const void *value);
/// curl_easy_setopt with a write or header callback.
int pf_curl_setopt_data_callback(pf_curl_handle handle, int option, pf_curl_data_callback callback);
/// curl_easy_setopt with a transfer-progress callback.
int pf_curl_setopt_xferinfo_callback(
    pf_curl_handle handle, int option, pf_curl_xferinfo_callback callback);
/// curl_easy_perform.
int pf_curl_easy_perform(pf_curl_handle handle);
/// curl_easy_cleanup.
void pf_curl_easy_cleanup(pf_curl_handle handle);
/// curl_slist_append; NULL on failure (the old list is then unchanged).
pf_curl_slist pf_curl_slist_append(pf_curl_slist list, const char *line);
/// curl_slist_free_all.
void pf_curl_slist_free_all(pf_curl_slist list);
/// curl_easy_strerror; never NULL.
const char *pf_curl_easy_strerror(int code);

/// The sockets of one transfer, so that cancelling can shut them down at once (libcurl itself
/// notices a cancel on an idle stream only at its next progress callback, up to a second later).
typedef struct pf_curl_sockets pf_curl_sockets;

/// A new, empty set; NULL when out of memory.
pf_curl_sockets *pf_curl_sockets_create(void);
/// Frees the set; call after curl_easy_cleanup (which may still close sockets through it).
void pf_curl_sockets_destroy(pf_curl_sockets *sockets);
/// Makes libcurl open and close the handle's sockets through `sockets`
/// (CURLOPT_OPENSOCKETFUNCTION / CURLOPT_CLOSESOCKETFUNCTION). Returns 0 or a CURLcode.
int pf_curl_track_sockets(pf_curl_handle handle, pf_curl_sockets *sockets);
/// Shuts down every open socket of the set (reads and writes then fail at once) and refuses
/// new ones. Safe from any thread while the set exists.
void pf_curl_sockets_shutdown(pf_curl_sockets *sockets);

#endif
