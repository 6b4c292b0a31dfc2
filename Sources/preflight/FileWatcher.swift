import Foundation

/// Watches paths for changes by polling their files' sizes and modification times twice a
/// second (portable, and cheap for a server's source tree); calls back once a change has
/// settled. Build, dependency and VCS folders are skipped.
final class FileWatcher: Sendable {
  private static let skipped: Set<String> = [
    ".git", ".build", "node_modules", "__pycache__", ".venv", "venv", ".mypy_cache",
    ".pytest_cache", "dist", "build", ".tox", ".swiftpm",
  ]

  private let paths: [String]
  private let onChange: @Sendable (String) -> Void

  init(paths: [String], onChange: @escaping @Sendable (String) -> Void) {
    self.paths = paths
    self.onChange = onChange
  }

  /// Starts polling; the task ends when cancelled.
  func start() -> Task<Void, Never> {
    Task.detached { [paths, onChange] in
      var last = paths.map(FileWatcher.fingerprint)
      var pending: [Int: Int] = [:]
      while !Task.isCancelled {
        try? await Task.sleep(for: .milliseconds(500))
        for (i, path) in paths.enumerated() {
          let now = FileWatcher.fingerprint(path)
          if now != last[i] {
            // Wait for the change to settle (an editor writing several files).
            last[i] = now
            pending[i] = 1
          } else if pending[i] != nil {
            pending[i] = nil
            onChange(path)
          }
        }
      }
    }
  }

  /// A digest of every file's path, size and modification time under `path`.
  static func fingerprint(_ path: String) -> Int {
    var hasher = Hasher()
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { return 0 }
    func add(_ file: String) {
      guard let attributes = try? fm.attributesOfItem(atPath: file) else { return }
      hasher.combine(file)
      hasher.combine((attributes[.size] as? NSNumber)?.int64Value ?? 0)
      hasher.combine((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)
    }
    guard isDirectory.boolValue else {
      add(path)
      return hasher.finalize()
    }
    let url = URL(fileURLWithPath: path)
    guard
      let enumerator = fm.enumerator(
        at: url, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles])
    else { return 0 }
    var count = 0
    for case let item as URL in enumerator {
      if skipped.contains(item.lastPathComponent) {
        enumerator.skipDescendants()
        continue
      }
      count += 1
      if count > 20_000 { break }
      add(item.path)
    }
    return hasher.finalize()
  }
}
