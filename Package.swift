// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "Preflight",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "preflight", targets: ["preflight"]),
    .executable(name: "preflight-bench", targets: ["PreflightBench"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    // Lossless JSON values, a byte-level parser and printers. Depends on nothing.
    .target(name: "PreflightJSON"),
    // Making untrusted text safe to show: control, bidi and invisible characters made visible.
    .target(name: "PreflightText"),
    // libcurl loaded at run time with dlopen, for --insecure (docs/http-client.md).
    .target(
      name: "CCurlShim",
      linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
    // JSON-RPC peer, transports, wire log, MCP session, client profiles. No terminal code.
    .target(
      name: "PreflightCore", dependencies: ["PreflightJSON", "PreflightText", "CCurlShim"]),
    // Cells, styles, rects, the in-memory grid, diffs, display width, decoded keys. No curses.
    .target(name: "TerminalGrid", dependencies: ["PreflightText"]),
    // ncursesw through a C shim (macros and globals wrapped for Swift 6).
    .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
    // The thin ncurses backend: start/stop, size, applying a diff, reading keys.
    .target(name: "CursesBackend", dependencies: ["TerminalGrid", "CNcursesw"]),
    // ChatGPT's approval rules as pure functions and values.
    .target(name: "ApprovalPolicy", dependencies: ["PreflightJSON"]),
    // ChatGPT's host flow for one model-style call: find the tool, decide, log, send.
    .target(name: "HostFlow", dependencies: ["PreflightCore", "ApprovalPolicy"]),
    // The TUI's state, messages, effects, pure update and render into a cell grid. No curses.
    .target(
      name: "PreflightUI",
      dependencies: [
        "PreflightCore", "ApprovalPolicy", "HostFlow", "TerminalGrid", "PreflightText",
        "ServerCheck",
      ]
    ),
    // The connector check's rules as pure functions: an observation in, findings out.
    .target(
      name: "ServerCheck", dependencies: ["PreflightCore", "ApprovalPolicy", "PreflightJSON"]),
    // The built-in "tasks" demo server, built on the core's JSON-RPC peer.
    .target(name: "DemoServer", dependencies: ["PreflightCore"]),
    // The executable: argument parsing, wiring, exit codes.
    .executableTarget(
      name: "preflight",
      dependencies: [
        "PreflightCore", "PreflightText", "ApprovalPolicy", "HostFlow", "DemoServer",
        "TerminalGrid", "CursesBackend", "PreflightUI", "ServerCheck",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Benchmarks measured inside the core (Scripts/bench.sh): not installed, not part of the CLI.
    .executableTarget(
      name: "PreflightBench", dependencies: ["PreflightCore"], path: "Sources/PreflightBench"),
    // Shared helpers for the test targets: scripted transports, a test clock, process runners.
    .target(name: "PreflightTestSupport", dependencies: ["PreflightCore"]),

    .testTarget(name: "PreflightJSONTests", dependencies: ["PreflightJSON"]),
    .testTarget(name: "PreflightTextTests", dependencies: ["PreflightText"]),
    .testTarget(name: "TerminalGridTests", dependencies: ["TerminalGrid"]),
    .testTarget(name: "CursesBackendTests", dependencies: ["CursesBackend", "TerminalGrid"]),
    .testTarget(
      name: "PreflightUITests",
      dependencies: [
        "PreflightUI", "PreflightCore", "TerminalGrid", "PreflightTestSupport", "ServerCheck",
      ],
      exclude: ["Snapshots", "Fixtures"]),
    .testTarget(
      name: "PreflightCoreTests", dependencies: ["PreflightCore", "PreflightTestSupport"]),
    .testTarget(name: "ApprovalPolicyTests", dependencies: ["ApprovalPolicy"]),
    .testTarget(
      name: "ServerCheckTests",
      dependencies: ["ServerCheck", "ApprovalPolicy", "PreflightJSON", "PreflightTestSupport"]),
    .testTarget(
      name: "HostFlowTests", dependencies: ["HostFlow", "PreflightCore", "PreflightTestSupport"],
      exclude: ["Snapshots"]),
    .testTarget(
      name: "DemoServerTests",
      dependencies: ["DemoServer", "PreflightCore", "PreflightTestSupport"]),
    .testTarget(
      name: "InteropTests", dependencies: ["PreflightCore", "PreflightTestSupport"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "EndToEndTests", dependencies: ["PreflightCore", "PreflightTestSupport"],
      exclude: ["Fixtures"]),
  ]
)
