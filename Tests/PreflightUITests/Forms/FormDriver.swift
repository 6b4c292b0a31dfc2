import Foundation
import HostFlow
import PreflightCore
import PreflightJSON
import PreflightTestSupport
import PreflightUI
import TerminalGrid
import Testing

/// Fills a tool's call form the way a person would, with the form's keys only (Tab, typing,
/// Space, ←/→, Ctrl-N): never the raw JSON editor.
struct FormDriver {
  var state: AppState
  /// Fields that could only be edited as raw JSON (each one is a failure of the form).
  var rawFields: [String] = []

  /// A state whose call form is open on `tool`.
  init(tool: JSONValue) {
    state = UIFixtures.state(tools: [tool])
    _ = AppUpdate.update(&state, .key(.character("c")))
  }

  mutating func press(_ keys: Key...) {
    for key in keys { _ = AppUpdate.update(&state, .key(key)) }
  }

  mutating func type(_ text: String) {
    for c in text { press(.character(c)) }
  }

  /// Texts a person might try, in order; the first the schema accepts is typed.
  static let candidates = [
    "t1", "2026-01-02", "2026-01-02T10:00:00Z", "a@example.com", "https://example.com/a",
    "Etc/UTC", "10:00", "sample",
  ]

  /// Whether the field and every object above it are required (list items count as required).
  func mustFill(_ path: JSONPointer) -> Bool {
    guard let model = state.form?.model else { return false }
    var tokens: [String] = []
    for token in path.tokens {
      tokens.append(token)
      guard let field = model.field(at: JSONPointer(tokens: tokens)), field.required else {
        return false
      }
    }
    return true
  }

  /// Visits every row top to bottom and fills the empty ones (only required ones unless
  /// `everything`).
  mutating func fill(everything: Bool) {
    var visited = 0
    while let form = state.form, visited < 500 {
      visited += 1
      let rows = form.model.rows
      guard rows.indices.contains(form.row) else { return }
      let row = rows[form.row]
      let path = row.field.path
      if !row.isSet && (everything || mustFill(path)) {
        switch row.field.kind {
        case .text:
          let text =
            Self.candidates.first { candidate in
              var copy = form.model
              copy.setText(candidate, at: path)
              return copy.errors(at: path).isEmpty
            } ?? "sample"
          type(text)
        case .integer:
          let text =
            ["1", "5", "0"].first { candidate in
              var copy = form.model
              copy.setText(candidate, at: path)
              return copy.errors(at: path).isEmpty
            } ?? "1"
          type(text)
        case .number: type("1.5")
        case .boolean: press(.character(" "))
        case .choice: press(.right)
        case .multiChoice: press(.character(" "))
        case .list:
          press(.control("n"))
          continue  // the cursor is on the new item: fill it next
        case .object: break
        case .raw:
          rawFields.append(path.description)
        }
      }
      let before = state.form?.row
      press(.down)
      if state.form?.row == before { return }
    }
  }

  /// Presses Enter; returns the call that went out or reached the approval card.
  mutating func submit() -> ModelCall? {
    var effects: [Effect] = []
    effects += AppUpdate.update(&state, .key(.enter))
    for effect in effects {
      if case .runCall(let request) = effect { return request.call }
    }
    return state.approval?.call
  }
}

/// Tool lists captured once from real servers, in Tests/PreflightUITests/Fixtures (README.md
/// there says how).
enum ToolFixtures {
  static func tools(_ file: String) throws -> [JSONValue] {
    let root = try PackagePaths.root()
    let path = root + "/Tests/PreflightUITests/Fixtures/" + file
    let data = try #require(FileManager.default.contents(atPath: path), "cannot read \(path)")
    return try JSONParser.parse(Array(data))["tools"]?.arrayValue ?? []
  }
}
