import Foundation

/// Edits text in the user's `$EDITOR` (else `$VISUAL`) through a temporary file, the way git
/// does: `sh -c '$EDITOR "$1"'`, so an editor with options (`code --wait`) works. The caller
/// suspends the screen around it.
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
    guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
      return (nil, "could not write the temporary file \(path); nothing changed")
    }
    defer { try? FileManager.default.removeItem(atPath: path) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command + #" "$1""#, "sh", path]
    do {
      try process.run()
    } catch {
      return (nil, "could not start $EDITOR (\(command)): \(error.localizedDescription)")
    }
    process.waitUntilExit()
    guard process.terminationReason == .exit, process.terminationStatus == 0 else {
      return (
        nil,
        "$EDITOR (\(command)) exited with status \(process.terminationStatus); "
          + "the arguments are unchanged"
      )
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      return (nil, "the edited file \(path) could not be read back; the arguments are unchanged")
    }
    return (String(decoding: data, as: UTF8.self), nil)
  }
}
