import Foundation
import PreflightTestSupport
import Testing

/// Wall time of `preflight tools` against the demo server, printed for the record (not asserted:
/// other tests run at the same time).
@Suite struct TimingTests {
  @Test func `preflight tools against the demo server, median of 10 runs`() async throws {
    // One run first, uncounted, so the first counted run finds the binaries in the page cache.
    _ = try await preflight(["tools"])
    var times: [Duration] = []
    for _ in 0..<10 {
      let output = try await preflight(["tools"])
      #expect(output.exitStatus == 0, "stderr: \(output.stderrText)")
      times.append(output.elapsed)
    }
    times.sort()
    let median = (times[4] + times[5]) / 2
    func ms(_ duration: Duration) -> String {
      let value =
        Double(duration.components.seconds) * 1000
        + Double(duration.components.attoseconds) / 1e15
      return String(format: "%.1f ms", value)
    }
    print(
      "preflight tools (demo server), 10 runs: median \(ms(median)), min \(ms(times[0])), "
        + "max \(ms(times[9]))")
  }
}
