/// The per-user and per-conversation values ChatGPT puts in a tool call's `_meta`
/// (chatgpt-approval.md §9.6): `openai/subject`, an anonymised user id that stays the same for
/// one user, and `openai/session`, an anonymised conversation id that is new for each
/// conversation.
///
/// Neither format is published. Preflight writes both as `v1/` and 32 lowercase hex digits: the
/// `v1/` prefix follows the reference's placeholder (`v1/preflight-subject`); the hex makes them
/// opaque, as anonymised ids are.
public struct RequestIdentity: Sendable {
  /// `openai/subject`: the same for every call, conversation and run of one user.
  public var subject: String
  /// Makes the `openai/session` value of a new conversation, given its name. Called once per
  /// conversation; the session keeps the value for later calls in it.
  public var newSession: @Sendable (_ conversation: String) -> String

  /// Makes an identity from its parts (tests use fixed values through this seam).
  public init(subject: String, newSession: @escaping @Sendable (_ conversation: String) -> String) {
    self.subject = subject
    self.newSession = newSession
  }

  /// The identity of a user: the subject derived from `userSeed` (a stable, non-secret value
  /// such as the machine id, user id and login name) by SHA-256 with a Preflight-specific
  /// prefix, so the seed cannot be read back; each conversation gets a random session id.
  public static func derived(userSeed: String) -> RequestIdentity {
    RequestIdentity(subject: subject(userSeed: userSeed)) { _ in randomSession() }
  }

  /// `v1/` and the first 32 hex digits of SHA-256("preflight openai/subject\n" + seed).
  public static func subject(userSeed: String) -> String {
    "v1/" + SHA256.hex("preflight openai/subject\n" + userSeed).prefix(32)
  }

  /// `v1/` and 32 random hex digits.
  public static func randomSession() -> String {
    var generator = SystemRandomNumberGenerator()
    let digits = Array("0123456789abcdef")
    return "v1/" + String((0..<32).map { _ in digits[Int(generator.next() % 16)] })
  }
}
