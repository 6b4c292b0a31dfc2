/// The terminal grid (being written).
enum TerminalGridPlaceholder {}
