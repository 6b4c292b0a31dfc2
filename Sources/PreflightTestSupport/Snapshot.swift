import Foundation
import Testing

/// Compares text with a snapshot file in a `Snapshots` folder beside the calling test file.
///
/// `RECORD_SNAPSHOTS=1` writes the file and fails the test (so a recording never passes
/// silently); a mismatch writes `<name>.actual` beside it and fails with a line diff.
public func expectSnapshot(
  _ text: String, named name: String, filePath: String = #filePath,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    .appendingPathComponent("Snapshots")
  let file = folder.appendingPathComponent(name + ".txt")
  let actualFile = folder.appendingPathComponent(name + ".actual")
  let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
  if recording {
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try? Data(text.utf8).write(to: file)
    Issue.record(
      "recorded snapshot \(name); run again without RECORD_SNAPSHOTS",
      sourceLocation: sourceLocation)
    return
  }
  guard let data = FileManager.default.contents(atPath: file.path) else {
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try? Data(text.utf8).write(to: actualFile)
    Issue.record(
      "no snapshot \(name).txt; wrote \(name).actual (RECORD_SNAPSHOTS=1 records it)",
      sourceLocation: sourceLocation)
    return
  }
  let expected = String(decoding: data, as: UTF8.self)
  guard expected != text else {
    try? FileManager.default.removeItem(at: actualFile)
    return
  }
  try? Data(text.utf8).write(to: actualFile)
  let message = "snapshot \(name) differs (wrote \(name).actual):\n" + lineDiff(expected, text)
  Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
}

/// A short line diff: `-` expected, `+` actual, for the lines that differ.
public func lineDiff(_ expected: String, _ actual: String) -> String {
  let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
  var out: [String] = []
  for i in 0..<max(a.count, b.count) {
    let left = i < a.count ? String(a[i]) : nil
    let right = i < b.count ? String(b[i]) : nil
    if left != right {
      if let left { out.append("- \(i + 1): \(left)") }
      if let right { out.append("+ \(i + 1): \(right)") }
    }
    if out.count > 60 {
      out.append("…")
      break
    }
  }
  return out.joined(separator: "\n")
}
