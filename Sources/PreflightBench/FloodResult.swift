/// What one flood run measured.
struct FloodResult {
  /// Notification frames the core ingested.
  var frames: Int
  /// From the first notification recorded to the end of the flood (the answer to a `ping`
  /// the server sends after its last notification), in seconds.
  var seconds: Double
  /// Peak resident memory of this process (`VmHWM`), in bytes.
  var peakBytes: Int
  /// Resident memory once connected, before the flood (`VmRSS`), in bytes.
  var baselineBytes: Int
  /// Records the wire log kept in memory at the end.
  var recordsKept: Int
  /// Records the wire log evicted from memory.
  var recordsEvicted: Int

  /// Frames per second.
  var rate: Double { seconds > 0 ? Double(frames) / seconds : 0 }

  /// One line of tab-separated `key=value` fields, for `Scripts/bench.sh` to read.
  var line: String {
    func mb(_ bytes: Int) -> String { String((Double(bytes) / 1_048_576 * 10).rounded() / 10) }
    return [
      "frames=\(frames)", "seconds=\((seconds * 10_000).rounded() / 10_000)", "rate=\(Int(rate))",
      "peakMB=\(mb(peakBytes))",
      "baselineMB=\(mb(baselineBytes))", "kept=\(recordsKept)", "evicted=\(recordsEvicted)",
    ].joined(separator: "\t")
  }
}
