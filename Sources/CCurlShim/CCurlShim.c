#include "CCurlShim.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

// libcurl's entry points, looked up once. CURLcode and CURLoption are C enums (int-sized).
// curl_easy_setopt keeps its variadic type so each call passes its third argument the way
// libcurl reads it with va_arg.
typedef void *(*easy_init_fn)(void);
typedef int (*easy_setopt_fn)(void *, int, ...);
typedef int (*easy_perform_fn)(void *);
typedef void (*easy_cleanup_fn)(void *);
typedef void *(*slist_append_fn)(void *, const char *);
typedef void (*slist_free_all_fn)(void *);
typedef const char *(*easy_strerror_fn)(int);
typedef int (*global_init_fn)(long);

static struct {
  easy_init_fn easy_init;
  easy_setopt_fn easy_setopt;
  easy_perform_fn easy_perform;
  easy_cleanup_fn easy_cleanup;
  slist_append_fn slist_append;
  slist_free_all_fn slist_free_all;
  easy_strerror_fn easy_strerror;
  global_init_fn global_init;
  int loaded;
  char error[512];
} curl;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void *symbol(void *library, const char *name) {
  void *found = dlsym(library, name);
  if (found == NULL && curl.error[0] == 0) {
    snprintf(curl.error, sizeof curl.error, "libcurl.so.4 has no %s", name);
  }
  return found;
}

static void load(void) {
  void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
  if (library == NULL) {
    const char *why = dlerror();
    snprintf(curl.error, sizeof curl.error, "cannot load libcurl.so.4: %s",
             why ? why : "unknown reason");
    return;
  }
  curl.easy_init = (easy_init_fn)symbol(library, "curl_easy_init");
  curl.easy_setopt = (easy_setopt_fn)symbol(library, "curl_easy_setopt");
  curl.easy_perform = (easy_perform_fn)symbol(library, "curl_easy_perform");
  curl.easy_cleanup = (easy_cleanup_fn)symbol(library, "curl_easy_cleanup");
  curl.slist_append = (slist_append_fn)symbol(library, "curl_slist_append");
  curl.slist_free_all = (slist_free_all_fn)symbol(library, "curl_slist_free_all");
  curl.easy_strerror = (easy_strerror_fn)symbol(library, "curl_easy_strerror");
  curl.global_init = (global_init_fn)symbol(library, "curl_global_init");
  if (curl.error[0] != 0) {
    return;  // A symbol is missing; the library stays loaded but unused.
  }
  int code = curl.global_init(PF_CURL_GLOBAL_ALL);
  if (code != PF_CURLE_OK) {
    snprintf(curl.error, sizeof curl.error, "curl_global_init failed: %s",
             curl.easy_strerror(code));
    return;
  }
  curl.loaded = 1;
}

int pf_curl_load(char *error, size_t error_size) {
  pthread_once(&load_once, load);
  if (curl.loaded) {
    return 0;
  }
  if (error != NULL && error_size > 0) {
    snprintf(error, error_size, "%s", curl.error);
  }
  return -1;
}

pf_curl_handle pf_curl_easy_init(void) {
  return curl.loaded ? curl.easy_init() : NULL;
}

int pf_curl_setopt_long(pf_curl_handle handle, int option, long value) {
  return curl.easy_setopt(handle, option, value);
}

int pf_curl_setopt_pointer(pf_curl_handle handle, int option, const void *value) {
  return curl.easy_setopt(handle, option, value);
}

int pf_curl_setopt_data_callback(pf_curl_handle handle, int option,
                                 pf_curl_data_callback callback) {
  return curl.easy_setopt(handle, option, callback);
}

int pf_curl_setopt_xferinfo_callback(pf_curl_handle handle, int option,
                                     pf_curl_xferinfo_callback callback) {
  return curl.easy_setopt(handle, option, callback);
}

int pf_curl_easy_perform(pf_curl_handle handle) { return curl.easy_perform(handle); }

void pf_curl_easy_cleanup(pf_curl_handle handle) { curl.easy_cleanup(handle); }

pf_curl_slist pf_curl_slist_append(pf_curl_slist list, const char *line) {
  return curl.slist_append(list, line);
}

void pf_curl_slist_free_all(pf_curl_slist list) {
  if (list != NULL) {
    curl.slist_free_all(list);
  }
}

const char *pf_curl_easy_strerror(int code) {
  if (!curl.loaded) {
    return "libcurl is not loaded";
  }
  const char *text = curl.easy_strerror(code);
  return text ? text : "unknown libcurl error";
}

// MARK: - Sockets a cancel can shut down

enum { PF_TRACKED_SOCKETS = 16 };

struct pf_curl_sockets {
  pthread_mutex_t lock;
  int fds[PF_TRACKED_SOCKETS];
  int count;
  int shut;
};

// The start of libcurl's struct curl_sockaddr (family, socktype, protocol, ...).
struct pf_curl_sockaddr_head {
  int family;
  int socktype;
  int protocol;
};

// curl_socket_t is int on POSIX; CURL_SOCKET_BAD is -1.
static int open_socket(void *user, int purpose, void *address) {
  (void)purpose;
  struct pf_curl_sockets *sockets = user;
  const struct pf_curl_sockaddr_head *head = address;
  pthread_mutex_lock(&sockets->lock);
  if (sockets->shut) {
    pthread_mutex_unlock(&sockets->lock);
    return -1;
  }
  int fd = socket(head->family, head->socktype | SOCK_CLOEXEC, head->protocol);
  if (fd >= 0 && sockets->count < PF_TRACKED_SOCKETS) {
    sockets->fds[sockets->count++] = fd;
  }
  pthread_mutex_unlock(&sockets->lock);
  return fd;
}

static int close_socket(void *user, int fd) {
  struct pf_curl_sockets *sockets = user;
  pthread_mutex_lock(&sockets->lock);
  for (int i = 0; i < sockets->count; i++) {
    if (sockets->fds[i] == fd) {
      sockets->fds[i] = sockets->fds[--sockets->count];
      break;
    }
  }
  // Closed under the lock, so a concurrent shutdown never touches a reused descriptor.
  int result = close(fd);
  pthread_mutex_unlock(&sockets->lock);
  return result;
}

pf_curl_sockets *pf_curl_sockets_create(void) {
  pf_curl_sockets *sockets = calloc(1, sizeof *sockets);
  if (sockets != NULL) {
    pthread_mutex_init(&sockets->lock, NULL);
  }
  return sockets;
}

void pf_curl_sockets_destroy(pf_curl_sockets *sockets) {
  if (sockets == NULL) {
    return;
  }
  pthread_mutex_destroy(&sockets->lock);
  free(sockets);
}

int pf_curl_track_sockets(pf_curl_handle handle, pf_curl_sockets *sockets) {
  int code = curl.easy_setopt(handle, PF_CURLOPT_OPENSOCKETFUNCTION, open_socket);
  if (code == PF_CURLE_OK) code = curl.easy_setopt(handle, PF_CURLOPT_OPENSOCKETDATA, sockets);
  if (code == PF_CURLE_OK) code = curl.easy_setopt(handle, PF_CURLOPT_CLOSESOCKETFUNCTION, close_socket);
  if (code == PF_CURLE_OK) code = curl.easy_setopt(handle, PF_CURLOPT_CLOSESOCKETDATA, sockets);
  return code;
}

void pf_curl_sockets_shutdown(pf_curl_sockets *sockets) {
  pthread_mutex_lock(&sockets->lock);
  sockets->shut = 1;
  for (int i = 0; i < sockets->count; i++) {
    shutdown(sockets->fds[i], SHUT_RDWR);
  }
  pthread_mutex_unlock(&sockets->lock);
}
