import PreflightJSON

/// libFuzzer entry point for ``JSONParser``: whatever parses must print (compact and pretty)
/// to text that parses back to the same value, and printing that again gives the same bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = UnsafeBufferPointer(start: data, count: size)
  guard let value = try? JSONParser.parse(bytes) else { return 0 }
  let compact = JSONPrinter.compactBytes(value)
  guard let again = try? JSONParser.parse(compact) else {
    fatalError(
      "JSON: the compact printing does not parse: \(String(decoding: compact, as: UTF8.self))")
  }
  guard again == value else { fatalError("JSON: parse → print → parse changed the value") }
  guard JSONPrinter.compactBytes(again) == compact else {
    fatalError("JSON: printing is not stable")
  }
  guard let pretty = try? JSONParser.parse(JSONPrinter.pretty(value)), pretty == value else {
    fatalError("JSON: the pretty printing does not parse back to the same value")
  }
  return 0
}
