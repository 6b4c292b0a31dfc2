/*
 * A stdio MCP server that floods its client: it answers initialize, waits for
 * notifications/initialized, then writes N `notifications/message` frames as fast as the pipe
 * takes them (pre-built in memory, written in large blocks), and then answers every request
 * with an empty result (so a `ping` sent after the flood comes back after it) until its stdin
 * ends. Used by `preflight-bench flood` to measure how fast Preflight's core ingests frames;
 * the server costs almost nothing, so the pipe and the client set the pace.
 *
 *   cc -O2 -o flood_server flood_server.c && ./flood_server N
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void write_all(const char *bytes, size_t count) {
  while (count > 0) {
    ssize_t n = write(1, bytes, count);
    if (n <= 0) exit(0);
    bytes += n;
    count -= (size_t)n;
  }
}

/* The raw "id" value of a request line (the text after the first "id":), or NULL. */
static const char *find_id(const char *line, const char *end, size_t *length) {
  const char *p = strstr(line, "\"id\":");
  if (!p || p >= end) return NULL;
  p += 5;
  const char *q = p;
  if (*q == '"') {
    for (q++; q < end && *q != '"'; q++)
      if (*q == '\\') q++;
    q++;
  } else {
    while (q < end && *q != ',' && *q != '}') q++;
  }
  *length = (size_t)(q - p);
  return p;
}

int main(int argc, char **argv) {
  long frames = argc > 1 ? atol(argv[1]) : 100000;
  size_t size = 1 << 20, used = 0;
  char *input = malloc(size);
  if (!input) return 1;
  int flooded = 0;
  for (;;) {
    ssize_t got = read(0, input + used, size - used - 1);
    if (got <= 0) break;
    used += (size_t)got;
    input[used] = 0;
    char *start = input, *nl;
    while ((nl = memchr(start, '\n', (size_t)(input + used - start))) != NULL) {
      *nl = 0;
      size_t id_length;
      const char *id = find_id(start, nl, &id_length);
      char head[256];
      if (id && id_length < 200 && strstr(start, "\"method\":\"initialize\"")) {
        int n = snprintf(head, sizeof head, "{\"jsonrpc\":\"2.0\",\"id\":%.*s,", (int)id_length, id);
        write_all(head, (size_t)n);
        static const char result[] =
            "\"result\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"logging\":{}},"
            "\"serverInfo\":{\"name\":\"flood\",\"version\":\"1\"}}}\n";
        write_all(result, sizeof result - 1);
      } else if (id && id_length < 200) {
        int n = snprintf(
            head, sizeof head, "{\"jsonrpc\":\"2.0\",\"id\":%.*s,\"result\":{}}\n",
            (int)id_length, id);
        write_all(head, (size_t)n);
      } else if (!flooded && strstr(start, "notifications/initialized")) {
        flooded = 1;
        size_t block_size = 1 << 20, block_used = 0;
        char *block = malloc(block_size);
        if (!block) return 1;
        for (long i = 1; i <= frames; i++) {
          if (block_size - block_used < 512) {
            write_all(block, block_used);
            block_used = 0;
          }
          block_used += (size_t)snprintf(
              block + block_used, block_size - block_used,
              "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":{\"level\":"
              "\"info\",\"logger\":\"flood\",\"data\":\"frame %ld of the flood, as a server "
              "under load might log it\"}}\n",
              i);
        }
        write_all(block, block_used);
        free(block);
      }
      start = nl + 1;
    }
    used = (size_t)(input + used - start);
    memmove(input, start, used);
    if (used + 1 >= size) {
      size *= 2;
      input = realloc(input, size);
      if (!input) return 1;
    }
  }
  return 0;
}
