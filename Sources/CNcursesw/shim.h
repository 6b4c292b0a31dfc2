#ifndef PREFLIGHT_CNCURSESW_SHIM_H
#define PREFLIGHT_CNCURSESW_SHIM_H

// The wide-character API (wget_wch, cchar_t) is hidden without these.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// glibc hides wcwidth unless _XOPEN_SOURCE is set before any include; declare it.
extern int wcwidth(wchar_t c);

#endif
