import Foundation
import PreflightCore
import PreflightText

/// A connected session and what it needs to be shown and closed.
struct Connection {
  let session: MCPClientSession
  let server: ServerInfo
  let targetDescription: String
  let transportKind: String

  /// Opens the transport for `target` and runs the handshake; failures come back as
  /// ``CLIFailure`` with cli.md's exit codes.
  static func open(
    _ target: TargetArguments.Target, options: ConnectionOptions
  ) async throws(CLIFailure) -> Connection {
    let plan = try ConnectionPlan(target, options: options)
    if let notice = plan.insecureNotice {
      FileHandle.standardError.write(Data(notice.utf8))
    }
    let session = try plan.makeSession()
    await session.install(
      plan.requestHandler(tellUser: true, transport: session.peer.transportKind))
    Connection.reportMalformedFrames(of: session, showLogs: plan.settings.logLevel != nil)
    do {
      let server = try await session.connect()
      return Connection(
        session: session, server: server, targetDescription: plan.description,
        transportKind: session.peer.transportKind)
    } catch {
      await session.close()
      plan.log.closeFile()
      throw .session(error, target: plan.description)
    }
  }

  /// Tells the user on standard error about frames that are not JSON-RPC, as they arrive: they
  /// are kept in the wire log and are not fatal, but a server that prints to stdout is broken.
  /// With `showLogs` (`--log-level` given), the server's `notifications/message` go to standard
  /// error too, one line each.
  private static func reportMalformedFrames(of session: MCPClientSession, showLogs: Bool) {
    let events = session.peer.events
    let log = session.log
    Task.detached {
      for await event in events {
        if showLogs, case .notification("notifications/message", let params, _) = event {
          FileHandle.standardError.write(
            Data(("preflight: " + LogMessageLine.text(params) + "\n").utf8))
          continue
        }
        guard case .invalidFrame(let reason, let seq) = event else { continue }
        let record = log.record(seq: seq)
        var sample = ""
        if case .raw(let text, _)? = record?.body {
          sample = ": " + UntrustedText.oneLine(text, width: 80)
        }
        let message =
          "preflight: warning: the server sent a frame that is not JSON-RPC (\(reason); kept in the "
          + "wire log as record \(seq))\(sample)\n"
        FileHandle.standardError.write(Data(message.utf8))
      }
    }
  }

  /// Closes the session and the wire-log file.
  func close() async {
    await session.close()
    session.log.closeFile()
  }

}

extension Connection {
  /// Every tool, all pages; a failure becomes a ``CLIFailure``.
  func listToolsOrThrow() async throws(CLIFailure) -> ToolListing {
    do {
      return try await session.listTools()
    } catch {
      throw .session(error, target: targetDescription)
    }
  }

  /// Runs `list` when the server declares `capability`; otherwise says on standard error that
  /// the server was not asked and returns `empty`. A failure closes the connection and becomes a
  /// ``CLIFailure``.
  func listIfDeclared<T>(
    _ capability: String, empty: T, _ list: () async throws(SessionError) -> T
  ) async throws(CLIFailure) -> T {
    guard server.capabilities[capability] != nil else {
      FileHandle.standardError.write(
        Data(
          "preflight: the server does not declare the \(capability) capability, so it was not asked\n"
            .utf8))
      return empty
    }
    do {
      return try await list()
    } catch {
      await close()
      throw .session(error, target: targetDescription)
    }
  }
}
