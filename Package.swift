// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "Preflight",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "preflight", targets: ["preflight"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    // Lossless JSON values, a byte-level parser and printers. Depends on nothing.
    .target(name: "PreflightJSON"),
    // JSON-RPC peer, transports, wire log, MCP session, client profiles. No terminal code.
    .target(name: "PreflightCore", dependencies: ["PreflightJSON"]),
    // ChatGPT's approval rules as pure functions and values.
    .target(name: "ApprovalPolicy", dependencies: ["PreflightJSON"]),
    // ChatGPT's host flow for one model-style call: find the tool, decide, log, send.
    .target(name: "HostFlow", dependencies: ["PreflightCore", "ApprovalPolicy"]),
    // The built-in "tasks" demo server, built on the core's JSON-RPC peer.
    .target(name: "DemoServer", dependencies: ["PreflightCore"]),
    // The executable: argument parsing, wiring, exit codes.
    .executableTarget(
      name: "preflight",
      dependencies: [
        "PreflightCore", "ApprovalPolicy", "HostFlow", "DemoServer",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Shared helpers for the test targets: scripted transports, a test clock, process runners.
    .target(name: "PreflightTestSupport", dependencies: ["PreflightCore"]),

    .testTarget(name: "PreflightJSONTests", dependencies: ["PreflightJSON"]),
    .testTarget(
      name: "PreflightCoreTests", dependencies: ["PreflightCore", "PreflightTestSupport"]),
    .testTarget(name: "ApprovalPolicyTests", dependencies: ["ApprovalPolicy"]),
    .testTarget(
      name: "HostFlowTests", dependencies: ["HostFlow", "PreflightCore", "PreflightTestSupport"]),
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
