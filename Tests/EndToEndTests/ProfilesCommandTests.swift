import Foundation
import PreflightJSON
import PreflightTestSupport
import Testing

/// `preflight profiles [--json]`: the client profiles, every column of cli.md's table.
@Suite struct ProfilesCommandTests {
  /// The paragraph that starts with `name`.
  static func block(_ text: String, _ name: String) -> String {
    text.components(separatedBy: "\n\n").first { $0.hasPrefix(name + " ") } ?? ""
  }

  @Test func `profiles shows every profile with every column`() async throws {
    let output = try await preflight(["profiles"])
    #expect(output.exitStatus == 0, "stderr: \(output.stderrText)")
    #expect(!output.stdoutHasEscape)
    let text = output.stdoutText
    let columns = [
      "clientInfo", "protocol", "capabilities", "progress tokens", "_meta", "Mcp-Session-Id",
      "timeout",
    ]

    let chatgpt = Self.block(text, "chatgpt")
    #expect(chatgpt.contains("(default)"))
    #expect(chatgpt.contains(#"{"name":"openai-mcp","version":"1.0.0"}"#))
    #expect(chatgpt.contains("2025-11-25"))
    #expect(chatgpt.contains("experimental") && chatgpt.contains("extensions"))
    #expect(chatgpt.contains("openai/locale") && chatgpt.contains("openai/userLocation"))
    #expect(chatgpt.contains("except on tools/call"))
    #expect(chatgpt.contains("60 s, no reset"))
    #expect(chatgpt.contains("observed"), "says where a value is observed")

    let chatgpt2025 = Self.block(text, "chatgpt-2025")
    #expect(chatgpt2025.contains(#"{"name":"openai-mcp","version":"1.0.0"}"#))
    #expect(chatgpt2025.contains("2025-06-18"))
    #expect(chatgpt2025.contains("{}"))
    #expect(chatgpt2025.contains("GET stream"))
    #expect(chatgpt2025.contains("60 s, no reset"))

    let full = Self.block(text, "full")
    #expect(full.contains(#""name":"preflight""#))
    #expect(full.contains("0.1.0"))
    #expect(full.contains("reset on progress") && full.contains("600 s max"))

    for (name, block) in [("chatgpt", chatgpt), ("chatgpt-2025", chatgpt2025), ("full", full)] {
      for column in columns {
        #expect(block.contains(column), "\(name) shows \(column)")
      }
    }
    #expect(text.contains("chatgpt-modern") && text.contains("not available yet"))
  }

  @Test func `profiles --json prints one document with every profile's columns`() async throws {
    let output = try await preflight(["profiles", "--json"])
    #expect(output.exitStatus == 0, "stderr: \(output.stderrText)")
    let document = try parseDocument(output.stdout, what: "profiles --json output")
    let profiles = document["profiles"]?.arrayValue ?? []
    #expect(profiles.compactMap { $0["name"]?.stringValue } == ["chatgpt", "chatgpt-2025", "full"])
    guard profiles.count == 3 else { return }
    let (chatgpt, chatgpt2025, full) = (profiles[0], profiles[1], profiles[2])

    #expect(chatgpt["clientInfo"] == ["name": "openai-mcp", "version": "1.0.0"])
    #expect(chatgpt["protocolVersion"] == "2025-11-25")
    #expect(chatgpt["capabilities"]?["experimental"]?["openai/visibility"] != nil)
    #expect(chatgpt["progressTokens"] == false)
    for key in [
      "openai/locale", "openai/userAgent", "openai/userLocation", "openai/subject",
      "openai/session", "openai/organization",
    ] {
      #expect(chatgpt["toolCallMeta"]?[key] != nil, "chatgpt sends \(key)")
    }
    #expect(chatgpt["timeoutSeconds"]?.intValue == 60)
    #expect(chatgpt["resetTimeoutOnProgress"] == false)

    #expect(chatgpt2025["clientInfo"] == ["name": "openai-mcp", "version": "1.0.0"])
    #expect(chatgpt2025["protocolVersion"] == "2025-06-18")
    #expect(chatgpt2025["capabilities"] == [:])
    #expect(chatgpt2025["progressTokens"] == false)
    #expect(chatgpt2025["opensGetStream"] == true)

    #expect(full["clientInfo"] == ["name": "preflight", "version": "0.1.0"])
    #expect(full["progressTokens"] == true)
    #expect(full["resetTimeoutOnProgress"] == true)
    #expect(full["maxTotalSeconds"]?.intValue == 600)

    for profile in profiles {
      let name = profile["name"]?.stringValue ?? "?"
      for key in [
        "clientInfo", "protocolVersion", "capabilities", "progressTokens", "toolCallMeta",
        "sessionIdEcho", "timeoutSeconds",
      ] {
        #expect(profile[key] != nil, "\(name) has \(key)")
      }
    }
  }
}
