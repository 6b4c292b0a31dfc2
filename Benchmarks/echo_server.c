/*
 * A minimal MCP server over stdio, in C, with one tool: `echo`. It exists to separate the
 * server's cost from the client's in the call-throughput benchmark: driving it with
 * `preflight scenario` measures Preflight's own cost per call with a server that costs almost
 * nothing (no JSON tree, no allocation per request, one write per answer).
 *
 *   cc -O2 -o echo_server echo_server.c && preflight scenario calls.json -- ./echo_server
 *
 * It understands just enough JSON-RPC for that: the "method" string, the raw "id" value, the
 * raw "arguments" object of tools/call and the requested "protocolVersion". It answers
 * initialize, ping, tools/list (the demo server's echo tool) and tools/call of echo (the
 * arguments back as structuredContent and as text, like the demo server); anything else with
 * an id gets -32601. Notifications are read and ignored. Not a general server: a benchmark
 * fixture.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *out;
static size_t out_used, out_size;

static void put(const char *bytes, size_t count) {
  if (out_used + count > out_size) {
    out_size = (out_used + count) * 2;
    out = realloc(out, out_size);
    if (!out) exit(1);
  }
  memcpy(out + out_used, bytes, count);
  out_used += count;
}

static void puts_(const char *text) { put(text, strlen(text)); }

static void flush_out(void) {
  size_t done = 0;
  while (done < out_used) {
    ssize_t n = write(1, out + done, out_used - done);
    if (n <= 0) exit(0);
    done += (size_t)n;
  }
  out_used = 0;
}

/* The end of the JSON value starting at p (string, object, array or scalar), or NULL. */
static const char *value_end(const char *p, const char *end) {
  if (p >= end) return NULL;
  if (*p == '"') {
    for (p++; p < end; p++) {
      if (*p == '\\') p++;
      else if (*p == '"') return p + 1;
    }
    return NULL;
  }
  if (*p == '{' || *p == '[') {
    int depth = 0;
    for (; p < end; p++) {
      if (*p == '"') {
        p = value_end(p, end);
        if (!p) return NULL;
        p--;
      } else if (*p == '{' || *p == '[') {
        depth++;
      } else if (*p == '}' || *p == ']') {
        if (--depth == 0) return p + 1;
      }
    }
    return NULL;
  }
  while (p < end && *p != ',' && *p != '}' && *p != ']' && *p != ' ') p++;
  return p;
}

/* The raw value of the first member named `key` (searched as text), or NULL. */
static const char *member(const char *line, const char *end, const char *key, const char **stop) {
  size_t k = strlen(key);
  for (const char *p = line; p + k + 3 < end; p++) {
    if (p[0] == '"' && memcmp(p + 1, key, k) == 0 && p[k + 1] == '"') {
      const char *q = p + k + 2;
      while (q < end && (*q == ' ' || *q == ':')) q++;
      *stop = value_end(q, end);
      if (*stop) return q;
    }
  }
  return NULL;
}

static const char tools[] =
    "{\"tools\":[{\"name\":\"echo\",\"title\":\"Echo\",\"description\":\"Returns its arguments "
    "unchanged, as text and as structured content.\",\"inputSchema\":{\"type\":\"object\","
    "\"properties\":{\"text\":{\"type\":\"string\",\"description\":\"Anything; it comes back as "
    "sent.\"}},\"additionalProperties\":true},\"outputSchema\":{\"type\":\"object\","
    "\"additionalProperties\":true},\"annotations\":{\"readOnlyHint\":true}}]}";

static void answer(const char *line, const char *end) {
  const char *method_end, *id_end;
  const char *method = member(line, end, "method", &method_end);
  const char *id = member(line, end, "id", &id_end);
  if (!method || !id) return; /* a notification or a response: nothing to say */
  puts_("{\"jsonrpc\":\"2.0\",\"id\":");
  put(id, (size_t)(id_end - id));
  size_t mlen = (size_t)(method_end - method);
  if (mlen == 12 && memcmp(method, "\"initialize\"", 12) == 0) {
    const char *version_end;
    const char *version = member(line, end, "protocolVersion", &version_end);
    puts_(",\"result\":{\"protocolVersion\":");
    if (version) put(version, (size_t)(version_end - version));
    else puts_("\"2025-11-25\"");
    puts_(",\"capabilities\":{\"tools\":{}},\"serverInfo\":{\"name\":\"c-echo\",\"version\":\"1\"}}}\n");
  } else if (mlen == 12 && memcmp(method, "\"tools/list\"", 12) == 0) {
    puts_(",\"result\":");
    puts_(tools);
    puts_("}\n");
  } else if (mlen == 12 && memcmp(method, "\"tools/call\"", 12) == 0) {
    const char *args_end;
    const char *args = member(line, end, "arguments", &args_end);
    if (!args) {
      args = "{}";
      args_end = args + 2;
    }
    puts_(",\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"");
    for (const char *p = args; p < args_end; p++) {
      if (*p == '"' || *p == '\\') put("\\", 1);
      put(p, 1);
    }
    puts_("\"}],\"structuredContent\":");
    put(args, (size_t)(args_end - args));
    puts_("}}\n");
  } else if (mlen == 6 && memcmp(method, "\"ping\"", 6) == 0) {
    puts_(",\"result\":{}}\n");
  } else {
    puts_(",\"error\":{\"code\":-32601,\"message\":\"Method not found\"}}\n");
  }
}

int main(void) {
  size_t size = 1 << 16, used = 0;
  char *buffer = malloc(size);
  if (!buffer) return 1;
  for (;;) {
    if (used == size) {
      size *= 2;
      buffer = realloc(buffer, size);
      if (!buffer) return 1;
    }
    ssize_t got = read(0, buffer + used, size - used);
    if (got <= 0) break;
    used += (size_t)got;
    char *start = buffer, *stop = buffer + used, *nl;
    while ((nl = memchr(start, '\n', (size_t)(stop - start))) != NULL) {
      answer(start, nl);
      start = nl + 1;
    }
    flush_out();
    used = (size_t)(stop - start);
    memmove(buffer, start, used);
  }
  return 0;
}
