import Foundation

/// Where the package is on disk and where its built products are, for tests that run them.
public enum PackagePaths {
  /// A path that could not be found; the message says where it looked.
  public struct NotFound: Error, CustomStringConvertible {
    /// What was looked for and where.
    public var description: String
  }

  /// The repository root: the nearest folder above `filePath` that holds `Package.swift`.
  ///
  /// The default is this source file, which lives in the repository.
  public static func root(filePath: String = #filePath) throws(NotFound) -> String {
    var url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    while url.path != "/" && !url.path.isEmpty {
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        return url.path
      }
      url = url.deletingLastPathComponent()
    }
    throw NotFound(description: "no Package.swift above \(filePath)")
  }

  /// The folders that may hold the products built with the running test binary, most likely
  /// first: the folder of the running executable (`.build/<triple>/debug` on Linux), the folder
  /// of any loaded `.xctest` bundle, then `<root>/.build/debug`.
  public static func buildDirectories() -> [String] {
    var folders: [String] = []
    if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    {
      folders.append(URL(fileURLWithPath: executable).deletingLastPathComponent().path)
    }
    if let executable = Bundle.main.executablePath {
      folders.append(URL(fileURLWithPath: executable).deletingLastPathComponent().path)
    }
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
      folders.append(URL(fileURLWithPath: bundle.bundlePath).deletingLastPathComponent().path)
    }
    if let root = try? root() {
      folders.append(root + "/.build/debug")
    }
    var seen = Set<String>()
    return folders.filter { seen.insert($0).inserted }
  }

  /// The built executable called `name` (a product of this package), found next to the test
  /// binary. Build it first with `swift build --build-tests`.
  public static func builtExecutable(named name: String) throws(NotFound) -> String {
    let folders = buildDirectories()
    for folder in folders {
      let candidate = folder + "/" + name
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory),
        !isDirectory.boolValue, FileManager.default.isExecutableFile(atPath: candidate)
      {
        return candidate
      }
    }
    throw NotFound(
      description: "no built '\(name)' in " + folders.joined(separator: ", ")
        + "; run swift build --build-tests first")
  }

  /// The built `preflight` executable.
  public static func preflight() throws(NotFound) -> String {
    try builtExecutable(named: "preflight")
  }
}
