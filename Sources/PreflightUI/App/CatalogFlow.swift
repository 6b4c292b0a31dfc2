import PreflightJSON

/// The resources and prompts overlay (`o`): opening it lists everything, Enter reads a resource
/// or gets a prompt, Esc goes back.
enum CatalogFlow {
  /// `o`: open the overlay and list the server's resources, templates and prompts.
  static func open(_ state: inout AppState) -> [Effect] {
    guard state.connection == .ready else {
      state.notice = "not connected — press R to restart"
      return []
    }
    state.catalog = Catalog()
    state.mode = .catalog
    return [.loadCatalog]
  }

  /// An action while the overlay is open.
  static func perform(_ action: Action, _ state: inout AppState) -> [Effect] {
    guard var catalog = state.catalog else {
      state.mode = .normal
      return []
    }
    defer { state.catalog = catalog }
    let opened = catalog.opened != nil
    switch action {
    case .up, .down, .pageUp, .pageDown, .top, .bottom:
      let delta: Int
      switch action {
      case .up: delta = -1
      case .down: delta = 1
      case .pageUp: delta = -10
      case .pageDown: delta = 10
      case .top: delta = Int.min / 2
      default: delta = Int.max / 2
      }
      if opened {
        catalog.scroll = max(0, catalog.scroll &+ delta)
      } else {
        catalog.selected = max(0, min(max(0, catalog.rows.count - 1), catalog.selected &+ delta))
      }
    case .open:
      guard !opened, let row = catalog.selectedRow else { return [] }
      switch row.kind {
      case .resource:
        catalog.opened = (row.key, ["reading…"])
        return [.readResource(row.key)]
      case .template:
        guard let form = CatalogForms.form(template: row) else {
          catalog.opened = (
            row.key, ["This URI template cannot be read: it is not a valid RFC 6570 template."]
          )
          return []
        }
        state.catalogForm = form
      case .prompt:
        if (row.raw["arguments"]?.arrayValue ?? []).isEmpty {
          catalog.opened = (row.key, ["getting the prompt…"])
          return [.getPrompt(row.key)]
        }
        state.catalogForm = CatalogForms.form(prompt: row)
      }
    case .complete:
      state.notice = "Ctrl-T completes a field of a prompt's or a template's form (Enter opens one)"
    case .toggleSubscription:
      guard !opened, let row = catalog.selectedRow, row.kind == .resource else { return [] }
      guard state.server?.capabilities["resources"]?["subscribe"]?.boolValue == true else {
        state.notice = "the server does not offer subscriptions (resources.subscribe)"
        return []
      }
      let on = !state.subscriptions.contains(row.key)
      state.notice = (on ? "subscribing to " : "unsubscribing from ") + row.key + "…"
      return [.subscribe(row.key, on)]
    case .back:
      if opened {
        catalog.opened = nil
      } else {
        state.mode = .normal
        return []
      }
    default:
      break
    }
    return []
  }

  /// The lists arrived.
  static func loaded(
    _ state: inout AppState, resources: [JSONValue], templates: [JSONValue], prompts: [JSONValue]
  ) {
    state.catalog?.load(resources: resources, templates: templates, prompts: prompts)
  }

  /// Listing, reading or getting failed.
  static func failed(_ state: inout AppState, _ why: String) {
    guard var catalog = state.catalog else { return }
    if catalog.loading {
      catalog.loading = false
      catalog.error = why
    } else if let title = catalog.opened?.title {
      catalog.opened = (title, ["failed: " + why])
    } else {
      // A subscription that failed: the list stays, the status line says why.
      state.notice = "failed: " + why
    }
    state.catalog = catalog
  }

  /// The server accepted a subscription or its end.
  static func subscriptionChanged(_ state: inout AppState, uri: String, on: Bool) {
    if on {
      state.subscriptions.insert(uri)
    } else {
      state.subscriptions.remove(uri)
    }
    let text =
      on
      ? "subscribed to \(uri): updates show in the log" : "unsubscribed from \(uri)"
    state.notice = text
    state.log.note(tag: "subscribe", text: text, time: state.wire.rows.last?.time ?? "")
  }

  /// A resource's contents arrived.
  static func read(_ state: inout AppState, uri: String, result: JSONValue) {
    guard state.catalog?.opened?.title == uri else { return }
    state.catalog?.opened = (uri, Catalog.lines(readResult: result))
  }

  /// A prompt's messages arrived.
  static func prompt(_ state: inout AppState, name: String, result: JSONValue) {
    guard state.catalog?.opened?.title == name else { return }
    state.catalog?.opened = (name, Catalog.lines(promptResult: result))
  }
}
