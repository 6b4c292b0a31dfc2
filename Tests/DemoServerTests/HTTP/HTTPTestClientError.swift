/// A failure of the raw HTTP test client: a timeout, a closed connection, a malformed response.
struct HTTPTestClientError: Error, CustomStringConvertible {
  /// What went wrong.
  var description: String

  /// Makes an error with a description.
  init(_ description: String) {
    self.description = description
  }
}
