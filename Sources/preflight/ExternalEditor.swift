import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Edits text in the user's `$EDITOR` (else `$VISUAL`) through a temporary file, the way git
/// does: `sh -c '$EDITOR "$1"'`, so an editor with options (`code --wait`) works. The caller
/// suspends the screen around it.
///
/// The editor is started with `posix_spawn` in Preflight's own process group, so it is in the
/// terminal's foreground and can read the keyboard (Foundation's `Process` puts the child in a
/// group of its own, where an editor reading the terminal is stopped or fails), with the
/// signals Preflight ignores set back to their defaults.
enum ExternalEditor {
  /// The editor's command, or nil when neither variable is set.
  static var command: String? {
    let environment = ProcessInfo.processInfo.environment
    for name in ["EDITOR", "VISUAL"] {
      if let value = environment[name], !value.trimmingCharacters(in: .whitespaces).isEmpty {
        return value
      }
    }
    return nil
  }

  /// Runs the editor on `text`; returns the file's text afterwards, or why there is none.
  static func edit(_ text: String, command: String) -> (text: String?, failure: String?) {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("preflight-arguments-\(UUID().uuidString).json").path
    guard
      FileManager.default.createFile(
        atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
    else {
      return (nil, "could not write the temporary file \(path); nothing changed")
    }
    defer { try? FileManager.default.removeItem(atPath: path) }
    let status: Int32
    switch run(["/bin/sh", "-c", command + #" "$1""#, "sh", path]) {
    case .failure(let why):
      return (nil, "could not start $EDITOR (\(command)): \(why)")
    case .success(let value):
      status = value
    }
    if status & 0x7F != 0 {
      return (
        nil,
        "$EDITOR (\(command)) was stopped by signal \(status & 0x7F); the arguments are unchanged"
      )
    }
    let code = (status >> 8) & 0xFF
    guard code == 0 else {
      return (nil, "$EDITOR (\(command)) exited with status \(code); the arguments are unchanged")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      return (nil, "the edited file \(path) could not be read back; the arguments are unchanged")
    }
    var edited = String(decoding: data, as: UTF8.self)
    if edited.hasSuffix("\n") { edited.removeLast() }  // editors end the file with a newline
    return (edited, nil)
  }

  /// Why a spawn failed.
  struct SpawnError: Error, CustomStringConvertible {
    var description: String
  }

  /// Spawns `arguments` (program first) with this process's terminal, environment and
  /// process group, waits for it, and returns its raw wait status.
  static func run(_ arguments: [String]) -> Result<Int32, SpawnError> {
    let environment = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
    defer {
      for pointer in argv { free(pointer) }
      for pointer in envp { free(pointer) }
    }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGINT, SIGTERM, SIGQUIT, SIGPIPE, SIGTSTP] { sigaddset(&defaults, signal) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var mask = sigset_t()
    sigemptyset(&mask)
    posix_spawnattr_setsigmask(&attributes, &mask)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, arguments[0], nil, &attributes, &argv, &envp)
    guard spawned == 0 else {
      return .failure(SpawnError(description: String(cString: strerror(spawned))))
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 {
      guard errno == EINTR else {
        return .failure(SpawnError(description: String(cString: strerror(errno))))
      }
    }
    return .success(status)
  }
}
