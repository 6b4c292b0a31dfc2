import PreflightUI
import TerminalGrid
import Testing

@Suite struct KeyMapTests {
  let keys = KeyMap.standard

  @Test func `every action is bound and documented`() {
    for action in Action.allCases {
      let bindings = keys.bindings.filter { $0.action == action }
      #expect(!bindings.isEmpty, "\(action) has no key")
      for binding in bindings {
        #expect(!binding.help.isEmpty && !binding.label.isEmpty, "\(action) lacks help text")
      }
    }
  }

  @Test func `no key is bound twice in one scope`() {
    var seen: [KeyScope: Set<Key>] = [:]
    for binding in keys.bindings {
      for scope in binding.scopes {
        for key in binding.keys {
          #expect(
            seen[scope, default: []].insert(key).inserted,
            "\(KeyBinding.name(of: key)) is bound twice in \(scope)")
        }
      }
    }
  }

  @Test(arguments: [Mode.filter, .form, .jsonEditor])
  func `typing a filter, a field or JSON takes every printable key`(mode: Mode) {
    for scalar in (0x20...0x7E).compactMap(Unicode.Scalar.init) {
      #expect(
        keys.action(for: .character(Character(scalar)), mode: mode, focus: .tools) == nil,
        "'\(scalar)' is bound in \(mode) mode")
    }
  }

  @Test func `escape never quits`() {
    for mode in [Mode.normal, .filter, .help, .frame, .confirmQuit] {
      for pane in Pane.allCases {
        #expect(keys.action(for: .escape, mode: mode, focus: pane) != .quit)
      }
    }
  }

  @Test func `the status line shows only keys that work here`() {
    let labels = keys.statusBindings(mode: .normal, focus: .wire).map(\.action)
    #expect(labels.contains(.toggleFollow))
    #expect(labels.contains(.quit))
    let toolLabels = keys.statusBindings(mode: .normal, focus: .tools).map(\.action)
    #expect(!toolLabels.contains(.toggleFollow))
  }
}
