#!/usr/bin/env bash
# Captures the real TUI on the built-in demo server, in tmux on a private socket, into
# screenshots/: each screen as plain text (NAME.txt, capture-pane -p) and with its colours as
# SGR escape sequences (NAME.ansi, capture-pane -p -e; view it with `cat`), and as a picture
# (NAME.png, drawn from NAME.ansi by Scripts/render_png.py with Pillow and DejaVu Sans Mono).
#
#   tools-100x30       the tool list, panes as tabs
#   detail-100x30      create_task's detail: approval, schema trees, annotations
#   wire-100x30        the wire pane with the handshake
#   wire-frame-100x30  a frame opened to its pretty JSON
#   help-100x30        the help overlay (every key)
#   wide-160x48        tools, detail and wire side by side
#   call-form-100x30   create_task's call form, partly filled in
#   approval-card-100x30  ChatGPT's confirmation card for that call
#   call-result-100x30 the result after approving
#   transcript-100x30  the conversation's transcript (t) after the call
#
# Needs tmux, python3 with venv, and the DejaVu fonts (Debian: fonts-dejavu-core); Pillow is
# installed into .venv-shots on first use. Every wait polls the screen with a deadline.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

command -v tmux >/dev/null 2>&1 || { echo "screenshots.sh: needs tmux" >&2; exit 1; }
swift build --product preflight >/dev/null
preflight="$(swift build --show-bin-path)/preflight"
out=screenshots
mkdir -p "$out"

if [[ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf ]]; then
  echo "screenshots.sh: needs the DejaVu fonts (apt-get install fonts-dejavu-core)" >&2
  exit 1
fi
if [[ ! -x .venv-shots/bin/python ]] || ! .venv-shots/bin/python -c 'import PIL' 2>/dev/null; then
  python3 -m venv .venv-shots
  .venv-shots/bin/pip install --quiet 'pillow==13.0.0'
fi

socket="preflight-shots-$$"
tm() { env -u TMUX -u TMUX_PANE LANG=C.UTF-8 tmux -u -L "$socket" -f /dev/null "$@"; }
cleanup() {
  tm kill-server 2>/dev/null || true
  rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$socket"
}
trap cleanup EXIT

# Waits until the screen shows TEXT and then stops changing; fails with the screen after 20 s.
wait_for() {
  local text="$1" deadline=$((SECONDS + 20)) previous="" screen
  while true; do
    screen="$(tm capture-pane -p -t t)"
    if [[ "$screen" == *"$text"* && "$screen" == "$previous" ]]; then return 0; fi
    if ((SECONDS >= deadline)); then
      echo "screenshots.sh: timed out waiting for '$text'; the screen:" >&2
      echo "$screen" >&2
      exit 1
    fi
    previous="$screen"
    sleep 0.1
  done
}

shoot() {
  local size
  size="$(tm display-message -p -t t '#{pane_width} #{pane_height}')"
  tm capture-pane -p -t t >"$out/$1.txt"
  tm capture-pane -p -e -t t >"$out/$1.ansi"
  # shellcheck disable=SC2086
  set -- "$1" $size
  .venv-shots/bin/python Scripts/render_png.py "$out/$1.ansi" "$out/$1.png" \
    --columns "$2" --rows "$3"
  echo "$out/$1.txt $out/$1.ansi $out/$1.png"
}

tm start-server \; set-option -g status off \; set-option -g remain-on-exit on \; \
  new-session -d -s t -x 100 -y 30 \
  env -u NO_COLOR LANG=C.UTF-8 TERM=tmux-256color "$preflight"

wait_for "● ready"
wait_for "sync_tasks"
shoot tools-100x30

tm send-keys -t t j j j Enter
wait_for "ChatGPT asks for approval"
shoot detail-100x30

tm send-keys -t t Escape
wait_for "[Tools 10]"
tm send-keys -t t Tab Tab
wait_for "result #1"
shoot wire-100x30

tm send-keys -t t Enter
wait_for '"jsonrpc": "2.0"'
shoot wire-frame-100x30

tm send-keys -t t Escape
wait_for "[Wire 6]"
tm send-keys -t t '?'
wait_for "Show every key"
shoot help-100x30

tm send-keys -t t Escape
wait_for "[Wire 6]"
tm send-keys -t t BTab
wait_for "[Detail]"
tm resize-window -t t -x 160 -y 48
wait_for "┌ Wire 6"
shoot wide-160x48

tm resize-window -t t -x 100 -y 30
wait_for "[Detail]"
tm send-keys -t t c
wait_for "Call create_task"
tm send-keys -t t -l "Buy milk"
wait_for "Buy milk"
shoot call-form-100x30

tm send-keys -t t Enter
wait_for "Write actions come with risks"
shoot approval-card-100x30

tm send-keys -t t a
wait_for "structuredContent"
shoot call-result-100x30

tm send-keys -t t Escape
wait_for "[Detail]"
tm send-keys -t t t
wait_for "Transcript · conversation-1"
shoot transcript-100x30

tm send-keys -t t Escape
tm send-keys -t t q
