/// Where a key of the request `_meta` comes from, as the `_meta` overlay (`m`) lists it.
public enum RequestMetaSource: String, Sendable, Hashable {
  /// The client profile (with this user's `openai/subject` and the conversation's
  /// `openai/session`).
  case profile
  /// `--request-meta` on the command line.
  case commandLine = "--request-meta"
  /// A profile or `--request-meta` key whose value was changed in the TUI.
  case edited = "edited here"
  /// A key the profile and `--request-meta` do not have, added in the TUI.
  case added = "added here"
}
