#ifndef PREFLIGHT_CNCURSESW_SHIM_H
#define PREFLIGHT_CNCURSESW_SHIM_H

// The wide-character API (wget_wch, cchar_t) is hidden without these.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// glibc hides wcwidth unless _XOPEN_SOURCE is set before any include; declare it.
extern int wcwidth(wchar_t c);

// Swift imports neither function-like macros nor, in Swift 6 mode, mutable C globals
// (stdscr, stdout, COLORS, ...): these static inline wrappers stand in for them.

/// newterm on the process's stdout and stdin with $TERM; NULL on failure (initscr would exit).
static inline SCREEN *preflight_newterm(void) { return newterm(NULL, stdout, stdin); }

/// The standard screen of the current SCREEN.
static inline WINDOW *preflight_stdscr(void) { return stdscr; }

/// Window size (getmaxyx).
static inline int preflight_getmaxx(WINDOW *window) { return getmaxx(window); }
static inline int preflight_getmaxy(WINDOW *window) { return getmaxy(window); }

/// Colours and pairs the terminal offers (the COLORS and COLOR_PAIRS globals).
static inline int preflight_colors(void) { return COLORS; }
static inline int preflight_color_pairs(void) { return COLOR_PAIRS; }

/// Video attributes (A_* macros).
static inline attr_t preflight_attr_normal(void) { return A_NORMAL; }
static inline attr_t preflight_attr_bold(void) { return A_BOLD; }
static inline attr_t preflight_attr_dim(void) { return A_DIM; }
static inline attr_t preflight_attr_reverse(void) { return A_REVERSE; }
static inline attr_t preflight_attr_underline(void) { return A_UNDERLINE; }

/// Mouse masks (BUTTONn_* macros).
static inline mmask_t preflight_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t preflight_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t preflight_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t preflight_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t preflight_button5_pressed(void) { return BUTTON5_PRESSED; }

/// A C.UTF-8 LC_CTYPE locale for uselocale (LC_CTYPE_MASK is a macro); NULL if missing.
static inline locale_t preflight_utf8_ctype_locale(void) {
  locale_t locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
  return locale ? locale : newlocale(LC_CTYPE_MASK, "C.utf8", (locale_t)0);
}

#endif
