import Foundation
import Glibc
import PreflightTestSupport
import Testing

/// `--insecure` where it has nothing to do, and where the connection fails anyway (the HTTPS
/// cases with a real server are in InteropTests' `InsecureHTTPSTests`).
@Suite struct InsecureFlagTests {
  @Test func `--insecure with a stdio server works and notes that it has no effect`()
    async throws
  {
    let output = try await preflight(["tools", "--insecure"])
    #expect(output.exitStatus == 0, "\(output.stderrText)")
    #expect(output.stdoutText.contains("preflight-demo"), "\(output.stdoutText)")
    #expect(
      output.stderrText.contains("--insecure has no effect on a stdio server"),
      "\(output.stderrText)")
    #expect(!output.stderrText.contains("not verified"))
  }

  @Test func `--insecure to an https URL where nothing listens warns, then exits 3 refused`()
    async throws
  {
    let url = "https://127.0.0.1:\(Self.closedPort())/mcp"
    let output = try await preflight(["tools", "--insecure", url])
    #expect(output.exitStatus == 3, "\(output.stderrText)")
    let lines = output.stderrText.split(separator: "\n")
    #expect(
      lines.first?.contains("TLS certificates are not verified (--insecure)") == true,
      "\(output.stderrText)")
    #expect(output.stderrText.contains("connection refused by 127.0.0.1"), "\(output.stderrText)")
  }

  /// A port on 127.0.0.1 where nothing listens (bound for a moment, then closed).
  static func closedPort() -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, length)
        return getsockname(fd, $0, &length)
      }
    }
    return Int(UInt16(bigEndian: address.sin_port))
  }
}
