import Glibc

/// Why the demo server could not start listening over HTTP: what it tried and the system's reason.
public struct DemoHTTPServerError: Error, Sendable, CustomStringConvertible {
  /// What failed, with the reason (for example "cannot listen on 127.0.0.1:8080: Address
  /// already in use").
  public var description: String

  /// Makes an error from what failed and the `errno` it failed with.
  init(_ what: String, errno code: Int32) {
    description = "\(what): \(String(cString: strerror(code)))"
  }
}
