import Foundation
import PreflightJSON

/// Reads `--args`: JSON text, `@FILE`, or `-` for standard input.
enum ArgumentsInput {
  static func read(_ spec: String?, option: String = "--args") throws(CLIFailure) -> JSONValue? {
    guard let spec else { return nil }
    let text: String
    let source: String
    if spec == "-" {
      let data = FileHandle.standardInput.readDataToEndOfFile()
      text = String(decoding: data, as: UTF8.self)
      source = "standard input"
    } else if spec.hasPrefix("@") {
      let path = String(spec.dropFirst())
      guard let data = FileManager.default.contents(atPath: path) else {
        throw .usage("\(option): cannot read '\(path)'")
      }
      text = String(decoding: data, as: UTF8.self)
      source = "'\(path)'"
    } else {
      text = spec
      source = "the command line"
    }
    let value: JSONValue
    do {
      value = try JSONParser.parse(text)
    } catch {
      throw .usage("\(option): the JSON from \(source) does not parse: \(error)")
    }
    guard value.objectValue != nil else {
      throw .usage("\(option) must be a JSON object of arguments, not \(value.typeName)")
    }
    return value
  }

  /// Reads a file given by path as JSON.
  static func readFile(_ path: String, what: String) throws(CLIFailure) -> JSONValue {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .usage("cannot read \(what) '\(path)'")
    }
    do {
      return try JSONParser.parse(Array(data))
    } catch {
      throw .usage("\(what) '\(path)' is not JSON: \(error)")
    }
  }
}
