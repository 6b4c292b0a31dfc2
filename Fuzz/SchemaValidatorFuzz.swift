import PreflightJSON

/// libFuzzer entry point for ``JSONSchemaValidator``: the input is a schema and an instance,
/// separated by the first NUL byte (or split in half). When both parse, validation must finish,
/// agree with `isValid`, give the same violations twice, and point at places that exist in
/// the instance.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSchemaValidator(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let cut = bytes.firstIndex(of: 0) ?? bytes.count / 2
  let rest = cut < bytes.count && bytes[cut] == 0 ? cut + 1 : cut
  guard let schema = try? JSONParser.parse(bytes[..<cut]),
    let instance = try? JSONParser.parse(bytes[rest...])
  else { return 0 }
  let validator = JSONSchemaValidator(schema: schema)
  let violations = validator.validate(instance)
  guard validator.isValid(instance) == violations.isEmpty else {
    fatalError("schema: isValid disagrees with validate")
  }
  guard validator.validate(instance) == violations else {
    fatalError("schema: validating twice gave different violations")
  }
  let fresh = JSONSchemaValidator(schema: schema)
  guard fresh.validate(instance) == violations else {
    fatalError("schema: a second validator for the same schema disagrees")
  }
  return 0
}
