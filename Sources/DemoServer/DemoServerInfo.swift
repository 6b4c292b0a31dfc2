import PreflightJSON

/// Who the demo server says it is: versions, `serverInfo`, capabilities and instructions.
enum DemoServerInfo {
  /// The protocol versions it speaks, newest first.
  static let supportedVersions = ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"]

  /// The `serverInfo` object.
  static let implementation: JSONValue = [
    "name": "preflight-demo",
    "title": "Preflight demo: Tasks",
    "version": "0.1.0",
  ]

  /// The declared capabilities.
  static let capabilities: JSONValue = [
    "tools": ["listChanged": false],
    "resources": [:],
    "logging": [:],
  ]

  /// The server instructions. The first paragraph, under 512 characters, stands alone, as
  /// ChatGPT keeps only the start.
  static let instructions = """
    This server keeps the user's task list in memory. Call list_tasks to answer questions such \
    as "What are my available tasks?" and get_task for one task's details. Use create_task, \
    update_task and complete_task to change tasks; delete_task removes one for good and \
    share_task emails one outside the account, so confirm both with the user first. Task ids \
    look like "t1".

    archive_done moves finished tasks out of the list. sync_tasks is slow on purpose and \
    reports progress and log messages; echo returns its arguments and is meant for timing round \
    trips. Everything resets when the server restarts.
    """

  /// The version to answer for the one a client asked for: the same if supported, else the
  /// newest.
  static func negotiate(_ requested: String) -> String {
    supportedVersions.contains(requested) ? requested : supportedVersions[0]
  }
}
