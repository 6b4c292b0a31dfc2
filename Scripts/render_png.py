#!/usr/bin/env python3
"""Renders a `tmux capture-pane -p -e` capture (text with SGR colour sequences) to a PNG.

    render_png.py SCREEN.ansi SCREEN.png [--columns N] [--rows N]

The picture is the terminal cell grid exactly as tmux holds it: one cell per column, wide
(East Asian wide and fullwidth) characters across two, the 16 ANSI colours, the 256-colour
cube and true colour, bold, dim, underline and reverse. Glyphs come from DejaVu Sans Mono (the
Debian package fonts-dejavu-core); characters it lacks fall back to DejaVu Sans.

Only SGR sequences (ESC [ ... m) are interpreted: capture-pane -e writes nothing else, and
anything else found is drawn as visible text so a stray sequence is noticed, not hidden.
"""

import argparse
import re
import sys
import unicodedata

from PIL import Image, ImageDraw, ImageFont

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
FONT_SIZE = 15

# A dark theme close to common terminal defaults, readable on a web page.
BACKGROUND = (24, 26, 33)
FOREGROUND = (214, 218, 224)
ANSI = [
    (40, 42, 54), (230, 92, 92), (120, 200, 120), (229, 192, 100),
    (97, 153, 235), (199, 120, 221), (86, 190, 200), (200, 204, 212),
    (98, 104, 120), (255, 120, 120), (150, 230, 150), (245, 215, 130),
    (130, 180, 255), (225, 150, 240), (120, 220, 230), (245, 247, 250),
]
SGR = re.compile(r"\x1b\[([0-9;:]*)m")


def cube(index):
    """The colour of 256-colour palette entry `index`."""
    if index < 16:
        return ANSI[index]
    if index < 232:
        index -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[index // 36], steps[(index // 6) % 6], steps[index % 6])
    level = 8 + (index - 232) * 10
    return (level, level, level)


class Pen:
    """The graphic rendition in force."""

    def __init__(self):
        self.reset()

    def reset(self):
        self.fg = None
        self.bg = None
        self.bold = False
        self.dim = False
        self.underline = False
        self.reverse = False

    def apply(self, parameters):
        codes = [int(p) if p else 0 for p in re.split(r"[;:]", parameters)] if parameters else [0]
        i = 0
        while i < len(codes):
            code = codes[i]
            if code == 0:
                self.reset()
            elif code == 1:
                self.bold = True
            elif code == 2:
                self.dim = True
            elif code == 4:
                self.underline = True
            elif code == 7:
                self.reverse = True
            elif code == 22:
                self.bold = self.dim = False
            elif code == 24:
                self.underline = False
            elif code == 27:
                self.reverse = False
            elif 30 <= code <= 37:
                self.fg = ANSI[code - 30]
            elif 90 <= code <= 97:
                self.fg = ANSI[code - 90 + 8]
            elif 40 <= code <= 47:
                self.bg = ANSI[code - 40]
            elif 100 <= code <= 107:
                self.bg = ANSI[code - 100 + 8]
            elif code == 39:
                self.fg = None
            elif code == 49:
                self.bg = None
            elif code in (38, 48) and i + 1 < len(codes):
                if codes[i + 1] == 5 and i + 2 < len(codes):
                    colour = cube(codes[i + 2])
                    i += 2
                elif codes[i + 1] == 2 and i + 4 < len(codes):
                    colour = tuple(codes[i + 2:i + 5])
                    i += 4
                else:
                    colour = None
                if code == 38:
                    self.fg = colour
                else:
                    self.bg = colour
            i += 1

    def colours(self):
        """(foreground, background) after bold brightening, reverse and dim."""
        fg = self.fg or FOREGROUND
        if self.bold and self.fg in ANSI[:8]:
            fg = ANSI[ANSI.index(self.fg) + 8]
        bg = self.bg or BACKGROUND
        if self.reverse:
            fg, bg = bg, fg
        if self.dim:
            fg = tuple((f + b) // 2 for f, b in zip(fg, bg))
        return fg, bg


def width_of(char):
    """Display columns of one character, as a terminal counts them."""
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def parse(text, columns, rows):
    """The capture as rows of cells: (char, fg, bg, bold, underline) or None under a wide char."""
    pen = Pen()
    grid = []
    for line in text.split("\n")[:rows]:
        cells = []
        position = 0
        while position < len(line):
            match = SGR.match(line, position)
            if match:
                pen.apply(match.group(1))
                position = match.end()
                continue
            char = line[position]
            position += 1
            if char == "\x1b":
                char = "␛"
            width = width_of(char)
            if width == 0 and cells:
                previous = cells[-1] if cells[-1] is not None else cells[-2]
                index = len(cells) - 1 if cells[-1] is not None else len(cells) - 2
                cells[index] = (previous[0] + char,) + previous[1:]
                continue
            fg, bg = pen.colours()
            cells.append((char, fg, bg, pen.bold, pen.underline))
            if width == 2:
                cells.append(None)
        fg, bg = pen.colours()
        while len(cells) < columns:
            # tmux trims trailing blanks; a reverse-video bar keeps its background to the edge.
            cells.append((" ", fg, bg if pen.reverse or pen.bg else BACKGROUND, False, False))
        grid.append(cells[:columns])
    while len(grid) < rows:
        grid.append([(" ", FOREGROUND, BACKGROUND, False, False)] * columns)
    return grid


def render(grid, path):
    regular = ImageFont.truetype(FONT_DIR + "DejaVuSansMono.ttf", FONT_SIZE)
    bold = ImageFont.truetype(FONT_DIR + "DejaVuSansMono-Bold.ttf", FONT_SIZE)
    fallback = ImageFont.truetype(FONT_DIR + "DejaVuSans.ttf", FONT_SIZE)
    ascent, descent = regular.getmetrics()
    cell_w = round(regular.getlength("M"))
    cell_h = ascent + descent + 2
    pad = 12
    columns = len(grid[0]) if grid else 0
    image = Image.new(
        "RGB", (columns * cell_w + 2 * pad, len(grid) * cell_h + 2 * pad), BACKGROUND)
    draw = ImageDraw.Draw(image)
    for y, cells in enumerate(grid):
        top = pad + y * cell_h
        for x, cell in enumerate(cells):
            if cell is None:
                continue
            char, fg, bg, is_bold, underline = cell
            span = 2 if x + 1 < len(cells) and cells[x + 1] is None else 1
            left = pad + x * cell_w
            if bg != BACKGROUND:
                draw.rectangle([left, top, left + span * cell_w - 1, top + cell_h - 1], fill=bg)
            if char.strip():
                font = bold if is_bold else regular
                if not all(font.getmask(c).getbbox() or c.isspace() for c in char[:1]):
                    font = fallback
                if box_drawing(char):
                    draw_box(draw, char, left, top, cell_w, cell_h, fg)
                else:
                    draw.text((left, top + 1), char, font=font, fill=fg)
            if underline:
                draw.line([left, top + cell_h - 2, left + span * cell_w - 1, top + cell_h - 2],
                          fill=fg)
    image.save(path, optimize=True)


def box_drawing(char):
    """Whether `char` is a line-drawing character drawn as strokes, so borders join up."""
    return len(char) == 1 and char in LINES


# For each box-drawing character: the arms it has (up, down, left, right) and the stroke weight.
LINES = {}
for chars, weight in (("─│┌┐└┘├┤┬┴┼", 1), ("━┃┏┓┗┛┣┫┳┻╋", 2)):
    arms = ["lr", "ud", "dr", "dl", "ur", "ul", "udr", "udl", "dlr", "ulr", "udlr"]
    for char, arm in zip(chars, arms):
        LINES[char] = (arm, weight)


def draw_box(draw, char, left, top, width, height, colour):
    arms, weight = LINES[char]
    cx = left + width // 2
    cy = top + height // 2
    half = weight // 2
    if "l" in arms:
        draw.rectangle([left, cy - half, cx, cy - half + weight - 1], fill=colour)
    if "r" in arms:
        draw.rectangle([cx, cy - half, left + width - 1, cy - half + weight - 1], fill=colour)
    if "u" in arms:
        draw.rectangle([cx - half, top, cx - half + weight - 1, cy], fill=colour)
    if "d" in arms:
        draw.rectangle([cx - half, cy, cx - half + weight - 1, top + height - 1], fill=colour)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("capture")
    parser.add_argument("png")
    parser.add_argument("--columns", type=int)
    parser.add_argument("--rows", type=int)
    options = parser.parse_args()
    with open(options.capture, encoding="utf-8", errors="replace") as handle:
        text = handle.read().rstrip("\n")
    plain = SGR.sub("", text).split("\n")
    columns = options.columns or max(sum(width_of(c) for c in line) for line in plain)
    rows = options.rows or len(plain)
    render(parse(text, columns, rows), options.png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
