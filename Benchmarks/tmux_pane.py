"""A tmux pane on a private socket, for the TUI benchmarks: send commands, read the screen, and
read the peak memory of the preflight process running in it."""

import os
import subprocess


class Pane:
    """The session `target` on tmux socket `socket`."""

    def __init__(self, socket, target="bench"):
        self.socket = socket
        self.target = target

    def tmux(self, *args):
        """Runs one tmux command on this socket; its standard output."""
        return subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True).stdout

    def screen(self):
        """The pane's text as shown now."""
        return self.tmux("capture-pane", "-p", "-t", self.target)

    def peak_rss(self):
        """VmHWM of the preflight process in the pane (a child of /usr/bin/time), in kB. The
        `time -v` figure is not used: it is the largest of all reaped descendants, the Python
        server included."""
        pane = self.tmux("display", "-p", "-t", self.target, "#{pane_pid}").strip()
        for task in os.listdir(f"/proc/{pane}/task"):
            for child in open(f"/proc/{pane}/task/{task}/children").read().split():
                if open(f"/proc/{child}/comm").read().strip() == "preflight":
                    for line in open(f"/proc/{child}/status"):
                        if line.startswith("VmHWM"):
                            return line.split(":")[1].strip()
        return "unknown"
