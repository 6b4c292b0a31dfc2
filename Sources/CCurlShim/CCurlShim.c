#include "CCurlShim.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

// libcurl's entry points, looked up once. CURLcode and CURLINFO are C enums (int-sized);
// CURLoption too. The variadic ones keep their variadic type so each call passes its third
// argument the way libcurl reads it with va_arg.
typedef void *(*easy_init_fn)(void);
typedef int (*easy_setopt_fn)(void *, int, ...);
typedef int (*easy_perform_fn)(void *);
typedef void (*easy_cleanup_fn)(void *);
typedef int (*easy_getinfo_fn)(void *, int, ...);
typedef void *(*slist_append_fn)(void *, const char *);
typedef void (*slist_free_all_fn)(void *);
typedef const char *(*easy_strerror_fn)(int);
typedef int (*global_init_fn)(long);

static struct {
  easy_init_fn easy_init;
  easy_setopt_fn easy_setopt;
  easy_perform_fn easy_perform;
  easy_cleanup_fn easy_cleanup;
  easy_getinfo_fn easy_getinfo;
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
  curl.easy_getinfo = (easy_getinfo_fn)symbol(library, "curl_easy_getinfo");
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

int pf_curl_getinfo_long(pf_curl_handle handle, int info, long *value) {
  return curl.easy_getinfo(handle, info, value);
}

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
