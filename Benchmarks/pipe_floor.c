/*
 * The physical floor of a stdio round trip: a parent writes a line to a child over one pipe,
 * the child writes the same line back over another, N times in sequence. Nothing is parsed.
 * The line is a real `tools/call` of the demo server's echo tool, so the bytes match what
 * Preflight sends.
 *
 *   cc -O2 -o pipe_floor pipe_floor.c && ./pipe_floor N
 *
 * Prints "N round trips". Time it from outside, like the MCP clients it is compared with.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static const char line[] =
    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\","
    "\"arguments\":{\"text\":\"hello\"},\"_meta\":{\"openai/locale\":\"en-US\"}}}\n";

static int read_line(int fd, char *buffer, size_t size) {
  size_t used = 0;
  while (used < size) {
    ssize_t got = read(fd, buffer + used, size - used);
    if (got <= 0) return -1;
    used += (size_t)got;
    if (buffer[used - 1] == '\n') return (int)used;
  }
  return -1;
}

int main(int argc, char **argv) {
  long rounds = argc > 1 ? atol(argv[1]) : 1000;
  int down[2], up[2];
  if (pipe(down) != 0 || pipe(up) != 0) return 1;
  pid_t child = fork();
  if (child < 0) return 1;
  char buffer[4096];
  if (child == 0) {
    close(down[1]);
    close(up[0]);
    int n;
    while ((n = read_line(down[0], buffer, sizeof buffer)) > 0) {
      if (write(up[1], buffer, (size_t)n) != n) return 1;
    }
    return 0;
  }
  close(down[0]);
  close(up[1]);
  size_t length = strlen(line);
  for (long i = 0; i < rounds; i++) {
    if (write(down[1], line, length) != (ssize_t)length) return 1;
    if (read_line(up[0], buffer, sizeof buffer) != (int)length) return 1;
  }
  close(down[1]);
  waitpid(child, NULL, 0);
  printf("%ld round trips\n", rounds);
  return 0;
}
