import Foundation
import PreflightCore
import PreflightJSON
import Testing

/// The reference servers from PyPI (`mcp-server-time`, `mcp-server-git`), in `.venv-mcp2`.
@Suite(Interop.gate, .timeLimit(.minutes(5)))
struct ReferenceServerTests {
  @Test func `mcp-server-time lists its tools and tells the time in UTC`() async throws {
    let command = Interop.installed("mcp-server-time", ["--local-timezone", "UTC"])
    try await Interop.withConnectedSession(command) { session, info in
      #expect(info.name == "mcp-time")
      #expect(info.version == "2026.10.19")
      #expect(info.instructions == nil)

      let listing = try await session.listTools()
      #expect(listing.pages == 1)
      let names = listing.tools.compactMap { $0["name"]?.stringValue }
      #expect(names == ["get_current_time", "convert_time"])
      let hints: [String: JSONValue] = [
        "readOnlyHint": true, "destructiveHint": false, "idempotentHint": true,
        "openWorldHint": false,
      ]
      for tool in listing.tools {
        #expect(Interop.members(tool["annotations"]) == hints)
        #expect(tool["outputSchema"] != nil)
      }
      let getTime = try #require(listing.tool(named: "get_current_time"))
      #expect(getTime["inputSchema"]?["required"] == ["timezone"])
      // --local-timezone shows in the argument's description.
      let zone = getTime["inputSchema"]?["properties"]?["timezone"]?["description"]
      #expect(zone?.stringValue?.contains("Use 'UTC' as local timezone") == true)

      let now = try await session.callTool("get_current_time", arguments: ["timezone": "UTC"])
      #expect(now["isError"] != true)
      let text = try #require(Interop.texts(now).first)
      #expect(!text.isEmpty)
      let structured = try #require(now["structuredContent"])
      #expect(structured["timezone"] == "UTC")
      #expect(structured["datetime"]?.stringValue?.hasSuffix("+00:00") == true)
      #expect(structured["is_dst"] == false)
      #expect(structured["day_of_week"]?.stringValue?.isEmpty == false)

      let mars = try await session.callTool(
        "get_current_time", arguments: ["timezone": "Mars/Base"])
      #expect(mars["isError"] == true)
      #expect(
        Interop.texts(mars) == [
          "Error executing tool get_current_time: Invalid timezone: "
            + "'No time zone found with key Mars/Base'"
        ])

      do throws(SessionError) {
        _ = try await session.callTool("no_such_tool", arguments: [:])
        Issue.record("an unknown tool was called")
      } catch {
        guard case .rpc(_, let rpcError) = error else {
          Issue.record("expected SessionError.rpc, got \(error)")
          return
        }
        #expect(rpcError.code == JSONRPCErrorObject.invalidParamsCode)
        #expect(rpcError.message == "Unknown tool: no_such_tool")
      }
    }
  }

  @Test func `mcp-server-git lists 12 tools and reports the status of a repository`()
    async throws
  {
    try Interop.requireEnvironment()
    let repo = try TemporaryGitRepository()
    defer { repo.remove() }
    let command = Interop.installed("mcp-server-git", ["--repository", repo.path])
    try await Interop.withConnectedSession(command) { session, info in
      #expect(info.name == "mcp-git")
      #expect(info.version == "2026.10.19")
      #expect(info.instructions == nil)

      let listing = try await session.listTools()
      #expect(listing.pages == 1)
      let names = listing.tools.compactMap { $0["name"]?.stringValue }
      #expect(
        names == [
          "git_status", "git_diff_unstaged", "git_diff_staged", "git_diff", "git_commit",
          "git_add", "git_reset", "git_log", "git_create_branch", "git_checkout", "git_show",
          "git_branch",
        ])
      let readOnly = listing.tools.filter { $0["annotations"]?["readOnlyHint"] == true }
      #expect(
        Set(readOnly.compactMap { $0["name"]?.stringValue }) == [
          "git_status", "git_diff_unstaged", "git_diff_staged", "git_diff", "git_log",
          "git_show", "git_branch",
        ])
      let destructive = listing.tools.filter { $0["annotations"]?["destructiveHint"] == true }
      #expect(destructive.compactMap { $0["name"]?.stringValue } == ["git_reset"])
      for tool in listing.tools {
        let annotations = tool["annotations"]
        for hint in ["readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint"] {
          #expect(annotations?[hint]?.boolValue != nil, "\(tool["name"] ?? nil) \(hint)")
        }
        #expect(annotations?["openWorldHint"] == false)
        #expect(!Interop.has(tool, "outputSchema"))
      }

      let status = try await session.callTool(
        "git_status", arguments: ["repo_path": .string(repo.path)])
      #expect(status["isError"] != true)
      let text = try #require(Interop.texts(status).first)
      #expect(text.hasPrefix("Repository status:\nOn branch main"), "\(text)")
    }
  }
}

/// A throwaway git repository with one empty commit on `main`, outside any other work tree.
struct TemporaryGitRepository {
  /// Where it is.
  let path: String

  /// Makes it with `git init` and an empty commit; throws if git fails.
  init() throws {
    let base = FileManager.default.temporaryDirectory
      .appendingPathComponent("preflight-interop-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
    path = base.path
    try Self.git(["init", "-q", "-b", "main", path])
    try Self.git([
      "-C", path, "-c", "user.name=t", "-c", "user.email=t@example.com",
      "-c", "commit.gpgsign=false", "commit", "-q", "--allow-empty", "-m", "init",
    ])
  }

  /// Deletes it.
  func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }

  private static func git(_ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + arguments
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw InteropFailure("git \(arguments.joined(separator: " ")) failed")
    }
  }
}
