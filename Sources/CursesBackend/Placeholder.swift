/// The ncurses backend (being written).
enum CursesBackendPlaceholder {}
