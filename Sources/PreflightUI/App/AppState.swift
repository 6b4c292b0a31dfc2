import ApprovalPolicy
import HostFlow
import PreflightCore
import PreflightJSON
import TerminalGrid

/// Everything the screen shows; one value, owned by the run loop, changed only by
/// `AppUpdate.update`.
public struct AppState: Sendable {
  /// The terminal's size.
  public var size: Size
  /// Target, transport, profile and policy.
  public var header: HeaderInfo
  /// The approval policy (decides the tool list's "ChatGPT runs/asks").
  public var policy: Policy
  /// The connection.
  public var connection: ConnectionState = .connecting
  /// What the server said about itself.
  public var server: ServerInfo?
  /// The HTTP session id the server gave (`Mcp-Session-Id`), read from the wire.
  public var sessionID: String?
  /// The tool list.
  public var tools = ToolsPane()
  /// The detail pane's scroll.
  public var detailScroll = 0
  /// The wire pane.
  public var wire: WirePane
  /// Wire-record seqs already noted in the log as evidence against a read-only hint.
  public var notedHintEvidence: Set<Int> = []
  /// The log pane.
  public var log = LogPane()
  /// The focused pane.
  public var focus: Pane = .tools
  /// What keys talk to.
  public var mode: Mode = .normal
  /// The frame opened from the wire (its seq) and the scroll inside it.
  public var openedFrame: Int?
  /// The scroll inside the opened frame.
  public var frameScroll = 0
  /// The opened frame's lines, laid out once when it opens and when the width changes.
  public var frameLines: LazyLines?
  /// The help overlay's scroll.
  public var helpScroll = 0
  /// A message for the status line until the next key.
  public var notice: String?
  /// Set when the run loop should stop.
  public var quitting = false
  /// Requests in flight that quitting would abandon.
  public var busy = false
  /// The call form being filled in.
  public var form: CallForm?
  /// The call waiting at the confirmation card.
  public var approval: PendingApproval?
  /// Remembered approve/deny choices of this conversation.
  public var ledger = RememberLedger.empty
  /// The conversation's id, part of the remember key.
  public var conversation = "conversation-1"
  /// The last call's record, shown in the result view.
  public var lastCall: CallRecord?
  /// The result view's scroll.
  public var resultScroll = 0
  /// The result view's layout, search, selected block and save prompt.
  public var resultScreen = ResultScreen()
  /// The last arguments used for each tool, to prefill its form.
  public var lastArguments: [String: JSONValue] = [:]
  /// The command line shown by the share box (`preflight call …`, secrets redacted).
  public var sharedCommand: String?
  /// The mode the share box returns to.
  public var sharedFrom: Mode = .normal
  /// The connector check overlay.
  public var check = CheckPane()
  /// Every call proposed in this session, across conversations, oldest first.
  public var transcript: [TranscriptEntry] = []
  /// The transcript view's scroll.
  public var transcriptScroll = 0
  /// Where the call in flight came from (`form`, `scenario 2/5`), for its transcript entry.
  public var pendingOrigin: String?
  /// The scenario given with `--scenario`, walked one call at a time.
  public var scenario: ScenarioWalk?
  /// Widget templates read with `resources/read`, by URI.
  public var templates: [String: WidgetTemplate] = [:]
  /// The export prompt's path.
  public var exportPath = ""
  /// The mode the export prompt returns to.
  public var exportReturn: Mode = .normal
  /// The last Refresh that changed something, shown as a diff.
  public var refresh: RefreshReport?
  /// The Refresh diff's scroll.
  public var refreshScroll = 0
  /// Set when a Refresh diff arrived while another view was open; it opens when that closes.
  public var refreshUnseen = false
  /// The server's instructions when the tool snapshot was taken.
  public var snapshotInstructions: String?
  /// Set when the server said its tools changed and the ChatGPT profile kept the snapshot.
  public var toolsStale = false
  /// The logging level last set with `logging/setLevel` from the TUI, if any.
  public var logLevel: String?
  /// The resources and prompts overlay, while open.
  public var catalog: Catalog?
  /// The form open in the catalog overlay: a prompt's arguments or a template's variables.
  public var catalogForm: CallForm?
  /// The completions offered for a field of the catalog form, while the pick list is shown.
  public var catalogCompletions: CompletionPick?
  /// The resource URIs subscribed to in this session.
  public var subscriptions: Set<String> = []
  /// Elicitations waiting for the user, oldest first (the first is shown).
  public var elicitations: [ElicitationPrompt] = []
  /// The form the user fills for the first elicitation in form mode (nil: URL mode, or none).
  public var elicitationForm: CallForm?
  /// Sampling requests waiting for the user, oldest first (the first is shown).
  public var samplings: [SamplingPrompt] = []
  /// The reply the user is writing to the first sampling request (nil: not writing).
  public var samplingDraft: String?
  /// The request `_meta` of model-style calls: the profile's keys, `--request-meta`, and the
  /// edits made with `m`, which every following call carries.
  public var requestMeta = RequestMetaEdits()

  /// Makes the state for a session about to connect.
  public init(size: Size, header: HeaderInfo, policy: Policy, wireCapacity: Int = 100_000) {
    self.size = size
    self.header = header
    self.policy = policy
    self.wire = WirePane(capacity: wireCapacity)
  }

  /// Whether the terminal is big enough for the layout (80 × 24).
  public var fitsMinimum: Bool { size.width >= 80 && size.height >= 24 }

  /// Whether panes sit side by side (a wide terminal) rather than as tabs.
  public var isWide: Bool { size.width >= 120 && size.height >= 30 }
}
