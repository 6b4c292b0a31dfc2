import Foundation
import PreflightUI
import TerminalGrid

#if canImport(Glibc)
  import Glibc
#endif

/// Timings from inside the TUI for the benchmarks: with `PREFLIGHT_TRACE=FILE` set, each key
/// read, each message applied and each frame drawn is appended to FILE as one JSON line with
/// the wall clock in nanoseconds (`ns`), so a benchmark can measure start to first tool list,
/// key to frame, and a result's arrival to its first screen. `PREFLIGHT_TRACE_T0` (nanoseconds,
/// set by the launcher just before `exec`) is written first as the `launch` event. Off by
/// default; the format is for Scripts/bench-tui.sh, not a contract.
final class TUITrace {
  private let handle: FileHandle

  /// The trace asked for by the environment, or nil.
  init?(environment: [String: String] = ProcessInfo.processInfo.environment) {
    guard let path = environment["PREFLIGHT_TRACE"], !path.isEmpty,
      FileManager.default.createFile(atPath: path, contents: nil),
      let handle = FileHandle(forWritingAtPath: path)
    else { return nil }
    self.handle = handle
    if let launch = environment["PREFLIGHT_TRACE_T0"].flatMap(Int64.init) {
      write(#"{"ns":\#(launch),"event":"launch"}"#)
    }
    write(#"{"ns":\#(Self.now()),"event":"main"}"#)
  }

  /// A key was read.
  func key(_ key: Key) {
    write(#"{"ns":\#(Self.now()),"event":"key","key":"\#(Self.escape(String(describing: key)))"}"#)
  }

  /// A message from outside the loop (not a key) was applied.
  func message(_ message: Msg) {
    if case .key = message { return }
    // The case's name only: describing the whole message would print its payload (a 50 MB
    // result) into a string first, and the trace would measure itself.
    let name = Mirror(reflecting: message).children.first?.label ?? String(describing: message)
    write(#"{"ns":\#(Self.now()),"event":"message","message":"\#(Self.escape(name))"}"#)
  }

  /// A frame was drawn: the mode, the tools listed and the cells that changed.
  func drew(_ state: AppState, changedCells: Int) {
    let mode = Self.escape(String(describing: state.mode))
    write(
      #"{"ns":\#(Self.now()),"event":"draw","mode":"\#(mode)","tools":\#(state.tools.items.count),"#
        + #""cells":\#(changedCells)}"#)
  }

  /// The process's peak resident memory, written when the TUI stops.
  func finish() {
    write(#"{"ns":\#(Self.now()),"event":"exit","peakRSSKiB":\#(Self.peakRSSKiB())}"#)
    try? handle.close()
  }

  private func write(_ line: String) {
    handle.write(Data((line + "\n").utf8))
  }

  private static func now() -> Int64 {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
  }

  private static func peakRSSKiB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
      return -1
    }
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
    return Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1
  }

  private static func escape(_ text: String) -> String {
    String(
      text.unicodeScalars.map { $0 == "\"" || $0 == "\\" || $0.value < 0x20 ? "?" : Character($0) })
  }
}
