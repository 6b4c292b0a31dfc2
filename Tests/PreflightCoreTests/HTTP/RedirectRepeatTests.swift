import Foundation
import Testing

@testable import PreflightCore

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A 307/308 repeats the request (method, body, headers) at the new URL; the bearer token
/// stays on its origin. The live path is exercised end to end by `preflight check` against
/// the redirecting fixture faults.
@Suite struct RedirectRepeatTests {
  static func original() -> URLRequest {
    var request = URLRequest(url: URL(string: "http://127.0.0.1:8000/mcp")!)
    request.httpMethod = "POST"
    request.httpBody = Data(#"{"jsonrpc":"2.0","id":1,"method":"ping"}"#.utf8)
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    request.setValue("Bearer t0ken", forHTTPHeaderField: "Authorization")
    return request
  }

  @Test func `the same origin keeps the method, the body and every header`() {
    let repeated = HTTPSessionDelegate.repeated(
      Self.original(), at: URL(string: "http://127.0.0.1:8000/mcp/")!)
    #expect(repeated.url?.absoluteString == "http://127.0.0.1:8000/mcp/")
    #expect(repeated.httpMethod == "POST")
    #expect(repeated.httpBody == Self.original().httpBody)
    #expect(repeated.value(forHTTPHeaderField: "Content-Type") == "application/json")
    #expect(repeated.value(forHTTPHeaderField: "Authorization") == "Bearer t0ken")
  }

  @Test func `another host, port or scheme loses the Authorization header only`() {
    for target in [
      "http://localhost:8000/mcp", "http://127.0.0.1:9000/mcp", "https://127.0.0.1:8000/mcp",
    ] {
      let repeated = HTTPSessionDelegate.repeated(Self.original(), at: URL(string: target)!)
      #expect(repeated.value(forHTTPHeaderField: "Authorization") == nil, "\(target)")
      #expect(repeated.httpBody == Self.original().httpBody, "\(target)")
      #expect(repeated.value(forHTTPHeaderField: "Content-Type") == "application/json")
    }
  }

  @Test func `a redirect is never followed down from https`() {
    let https = URL(string: "https://notes.example.com/mcp")
    let http = URL(string: "http://notes.example.com/mcp")
    #expect(!HTTPSessionDelegate.keepsHTTPS(from: https, to: http))
    #expect(HTTPSessionDelegate.keepsHTTPS(from: https, to: URL(string: "https://other.example/")))
    #expect(HTTPSessionDelegate.keepsHTTPS(from: http, to: https), "an upgrade is fine")
    #expect(HTTPSessionDelegate.keepsHTTPS(from: http, to: URL(string: "http://127.0.0.1:1/")))
  }
}
