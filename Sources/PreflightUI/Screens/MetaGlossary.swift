/// What the Apps SDK `_meta` keys on a tool mean, in words (chatgpt-approval.md §9.1).
enum MetaGlossary {
  static let explanations: [String: String] = [
    "openai/outputTemplate": "widget template (legacy Apps SDK; text/html+skybridge)",
    "ui":
      "MCP Apps: resourceUri links the widget template; visibility [\"app\"] hides it from the model",
    "openai/widgetAccessible": "the widget may call this tool (legacy; prefer ui.visibility)",
    "openai/visibility": "\"private\" hides the tool from the model (legacy; prefer ui.visibility)",
    "openai/toolInvocation/invoking": "status text while the tool runs (≤ 64 characters)",
    "openai/toolInvocation/invoked": "status text after it completes (≤ 64 characters)",
    "openai/fileParams": "top-level fields that carry files",
    "securitySchemes": "per-tool auth: noauth and/or oauth2 with scopes",
    "openai/resultCanProduceWidget": "legacy flag beside outputTemplate",
  ]
}
