/// What the header says about the session besides the server's own answer.
public struct HeaderInfo: Sendable, Hashable {
  /// The target as shown: a URL or a command line, secrets redacted.
  public var target: String
  /// The transport's kind: `stdio`, `http`, `sse`.
  public var transport: String
  /// The client profile's name.
  public var profile: String
  /// The approval policy's name.
  public var policy: String
  /// The command-line words that reach the same server the same way, secrets redacted: the
  /// options (`--client-profile`, `-H "Authorization: ${AUTHORIZATION}"` …), then the target
  /// (a URL, or `--` and the command line; nothing for the demo server). Shell-quoted already.
  public var commandWords: CommandWords

  /// Makes header information.
  public init(
    target: String, transport: String, profile: String, policy: String,
    commandWords: CommandWords = CommandWords()
  ) {
    self.target = target
    self.transport = transport
    self.profile = profile
    self.policy = policy
    self.commandWords = commandWords
  }
}
