import ArgumentParser
import PreflightCore
import PreflightJSON

/// `preflight profiles`: the client profiles, every column.
struct ProfilesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "profiles", abstract: "Show the client profiles in full.")

  @Flag(help: "Print one JSON document: {profiles: [...]}.")
  var json = false

  func run() async throws {
    if json {
      print(JSONPrinter.pretty(["profiles": .array(ClientProfile.builtin.map(\.json))]))
      return
    }
    let style = TerminalStyle.forStandardOutput()
    var out = ""
    let subject = UserSeed.identity().subject
    for profile in ClientProfile.builtin {
      out +=
        style.bold(profile.name) + (profile.name == "chatgpt" ? " (default)" : "") + " — "
        + profile.summary + "\n"
      var rows: [(String, String)] = [
        ("clientInfo", JSONPrinter.compact(profile.clientInfo)),
        ("protocol", profile.protocolVersion),
        ("capabilities", JSONPrinter.compact(profile.capabilities)),
        ("progress tokens", profile.sendsProgressTokens ? "yes" : "none"),
        ("tools/call _meta", JSONPrinter.compact(profile.toolCallMeta)),
        ("initialize _meta", JSONPrinter.compact(profile.initializeMeta)),
        (
          "Mcp-Session-Id",
          profile.sessionIDEcho == .always ? "echoed" : "echoed, except on tools/call"
        ),
        ("GET stream", profile.opensGetStream ? "opened after initialize" : "not opened"),
        (
          "timeout",
          RPCFailure.format(profile.timeout)
            + (profile.resetTimeoutOnProgress ? ", reset on progress" : ", no reset")
            + (profile.maxTotal.map { ", \(RPCFailure.format($0)) max" } ?? "")
        ),
      ]
      // What replaces the placeholders when this user connects (``UserSeed``).
      let meta = profile.toolCallMeta.objectValue ?? [:]
      if meta["openai/subject"] != nil {
        rows.insert(("  subject", "\(subject) for you, on every call"), at: 5)
      }
      if meta["openai/session"] != nil {
        rows.insert(("  session", "v1/ + 32 random hex digits, new for each conversation"), at: 6)
      }
      for (key, value) in rows {
        out += "  " + style.dim(key.padding(16)) + " " + value + "\n"
      }
      for note in profile.provenance {
        out += "  " + style.dim("source".padding(16)) + " " + note + "\n"
      }
      out += "\n"
    }
    for (name, why) in ClientProfile.planned.sorted(by: { $0.key < $1.key }) {
      out += style.dim("\(name): not available yet — \(why)") + "\n"
    }
    print(out, terminator: "")
  }
}

extension String {
  fileprivate func padding(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
