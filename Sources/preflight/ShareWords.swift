import PreflightCore
import PreflightUI

/// The options and target of this session as `preflight call` words for the share box,
/// secrets redacted: a header or `--env` value given as `${VAR}` stays a placeholder, a
/// literal secret becomes one (`-H "Authorization: ${AUTHORIZATION}"`), and anything the wire
/// log's redactor knows as a secret is masked in the target.
enum ShareWords {
  static func make(
    _ options: ConnectionOptions, target: TargetArguments.Target, redactor: Redactor
  ) -> CommandWords {
    var words: [String] = []
    if options.clientProfile != "chatgpt" {
      words += ["--client-profile", CommandWords.quote(options.clientProfile)]
    }
    if let version = options.protocolVersion {
      words += ["--protocol-version", CommandWords.quote(version)]
    }
    if options.policy != "chatgpt" { words += ["--policy", CommandWords.quote(options.policy)] }
    if options.transport != "auto" {
      words += ["--transport", CommandWords.quote(options.transport)]
    }
    for spec in options.header {
      words.append("-H")
      guard let colon = spec.firstIndex(of: ":") else {
        words.append(CommandWords.quote(redactor.redact(spec).0))
        continue
      }
      let name = String(spec[..<colon]).trimmingCharacters(in: .whitespaces)
      let value = String(spec[spec.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
      if value.contains("${") {
        words.append(CommandWords.quoteExpanding(name + ": " + value))
      } else if Redactor.isSecretName(name) || redactor.redact(value).1 {
        words.append(CommandWords.quoteExpanding(name + ": " + CommandWords.placeholder(for: name)))
      } else {
        words.append(CommandWords.quote(name + ": " + value))
      }
    }
    if let bearer = options.bearer {
      words.append("--bearer")
      words.append(
        CommandWords.quoteExpanding(
          bearer.contains("${") ? bearer : CommandWords.placeholder(for: "bearer_token")))
    }
    for entry in options.environment {
      guard let eq = entry.firstIndex(of: "=") else { continue }
      let name = String(entry[..<eq])
      let value = String(entry[entry.index(after: eq)...])
      words.append("--env")
      if Redactor.isSecretName(name) || redactor.redact(value).1 {
        words.append(CommandWords.quoteExpanding(name + "=" + CommandWords.placeholder(for: name)))
      } else {
        words.append(CommandWords.quote(entry))
      }
    }
    if let cwd = options.cwd { words += ["--cwd", CommandWords.quote(cwd)] }
    switch target {
    case .demo:
      return CommandWords(options: words, target: [])
    case .command(let line):
      return CommandWords(
        options: words, target: ["--"] + line.map { CommandWords.quote(redactor.redact($0).0) })
    case .url(let url):
      return CommandWords(options: words, target: [CommandWords.quote(redactor.redactURL(url).0)])
    }
  }
}
