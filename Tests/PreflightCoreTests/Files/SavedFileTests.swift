import Foundation
import PreflightCore
import Testing

/// Saving a result block writes the decoded bytes and never overwrites a file unasked.
@Suite struct SavedFileTests {
  func withFolder(_ body: (String) throws -> Void) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "preflight-saved-\(UUID().uuidString)"
    ).path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try body(folder)
  }

  @Test func `base64 is written decoded, and an existing file is kept unless overwrite is asked`()
    throws
  {
    try withFolder { folder in
      let path = folder + "/image.png"
      let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF]
      let contents = SavedFile.Contents.base64(Data(png).base64EncodedString())
      #expect(
        SavedFile.write(contents, to: path, overwrite: false) == .saved(path: path, bytes: 10))
      #expect(FileManager.default.contents(atPath: path).map([UInt8].init) == png)

      let other = SavedFile.Contents.text("replacement")
      #expect(SavedFile.write(other, to: path, overwrite: false) == .exists(path: path))
      #expect(FileManager.default.contents(atPath: path).map([UInt8].init) == png, "untouched")
      #expect(SavedFile.write(other, to: path, overwrite: true) == .saved(path: path, bytes: 11))
      #expect(FileManager.default.contents(atPath: path) == Data("replacement".utf8))
    }
  }

  @Test func `a relative path is taken from the current directory`() throws {
    try withFolder { folder in
      let previous = FileManager.default.currentDirectoryPath
      #expect(FileManager.default.changeCurrentDirectoryPath(folder))
      defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
      let outcome = SavedFile.write(.text("hi"), to: "notes.txt", overwrite: false)
      #expect(
        outcome == .saved(path: FileManager.default.currentDirectoryPath + "/notes.txt", bytes: 2))
      #expect(FileManager.default.contents(atPath: folder + "/notes.txt") == Data("hi".utf8))
    }
  }

  @Test func `invalid base64 and an unwritable place fail with why`() throws {
    try withFolder { folder in
      let bad = SavedFile.write(.base64("%%%%"), to: folder + "/x.bin", overwrite: false)
      #expect(bad == .failed(path: folder + "/x.bin", why: "the data is not valid base64"))
      let missing = SavedFile.write(.text("x"), to: folder + "/no/such/dir.txt", overwrite: false)
      guard case .failed(_, let why) = missing else {
        Issue.record("expected a failure, got \(missing)")
        return
      }
      #expect(why.contains("No such file"))
    }
  }

  @Test(arguments: [
    ("", 0), ("aGk=", 2), ("aGVsbG8=", 5), ("aGVsbG8h", 6), ("aGVsbA==", 4), ("aGVs\nbG8=", 5),
    ("aGVsbG8", 5),
  ])
  func `the decoded size is counted without decoding`(base64: String, size: Int) {
    #expect(SavedFile.decodedSize(base64: base64) == size)
  }
}
