import PreflightCore
import PreflightTestSupport
import Testing

/// Whether a profile's calls can show progress, and why not, in words.
@Suite struct ProgressReasonTests {
  func reason(_ profile: ClientProfile, progress: Bool? = nil) async -> String? {
    let session = MCPClientSession(
      transport: MemoryTransport(), profile: profile, settings: SessionSettings(progress: progress),
      log: WireLog())
    return await session.progressOffReason()
  }

  @Test func `the ChatGPT profiles say why no progress shows and how to turn it on`() async {
    let text = await reason(.chatgpt)
    #expect(text?.contains("the chatgpt profile sends no _meta.progressToken") == true)
    #expect(text?.contains("--progress turns it on") == true)
    #expect(await reason(.chatgpt, progress: true) == nil)
  }

  @Test func `the full profile sends tokens unless --no-progress`() async {
    #expect(await reason(.full) == nil)
    #expect(await reason(.full, progress: false)?.contains("--no-progress") == true)
  }
}
