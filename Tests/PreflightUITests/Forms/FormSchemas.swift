import PreflightJSON
import PreflightUI

/// Schemas as real servers send them, and helpers for the form tests.
enum FormSchemas {
  /// What Pydantic (the Python SDK's FastMCP) generates: `$defs`/`$ref`, titles on every
  /// property, `anyOf: [T, null]` with `default: null`, a map and an untyped property.
  static let pydantic = parse(
    #"""
    {
      "$defs": {
        "Priority": {"enum": ["low", "normal", "high"], "title": "Priority", "type": "string"},
        "Task": {
          "properties": {
            "title": {"title": "Title", "type": "string"},
            "done": {"default": false, "title": "Done", "type": "boolean"}
          },
          "required": ["title"], "title": "Task", "type": "object"
        }
      },
      "properties": {
        "task": {"$ref": "#/$defs/Task"},
        "priority": {"$ref": "#/$defs/Priority", "default": "normal"},
        "due": {
          "anyOf": [{"format": "date", "type": "string"}, {"type": "null"}],
          "default": null, "title": "Due", "description": "When it is due"
        },
        "count": {"title": "Count", "type": "integer"},
        "ratio": {"anyOf": [{"type": "number"}, {"type": "null"}], "default": null, "title": "Ratio"},
        "tags": {"items": {"type": "string"}, "title": "Tags", "type": "array"},
        "subtasks": {
          "anyOf": [{"items": {"$ref": "#/$defs/Task"}, "type": "array"}, {"type": "null"}],
          "default": null, "title": "Subtasks"
        },
        "extra": {"additionalProperties": true, "title": "Extra", "type": "object"},
        "anything": {"title": "Anything"}
      },
      "required": ["task", "count"],
      "title": "create_taskArguments",
      "type": "object"
    }
    """#)

  /// What zod-to-json-schema (the TypeScript SDK) generates: draft-07, `additionalProperties:
  /// false` everywhere, enums inline, defaults.
  static let zod = parse(
    #"""
    {
      "type": "object",
      "properties": {
        "query": {"type": "string", "minLength": 1, "description": "Search text"},
        "limit": {"type": "number", "minimum": 1, "maximum": 100, "default": 10},
        "mode": {"type": "string", "enum": ["fast", "thorough"]},
        "filters": {
          "type": "object",
          "properties": {
            "since": {"type": "string", "format": "date-time"},
            "labels": {"type": "array", "items": {"type": "string", "enum": ["bug", "feature", "docs"]}}
          },
          "additionalProperties": false
        },
        "verbose": {"type": "boolean"},
        "note": {"type": ["string", "null"]}
      },
      "required": ["query"],
      "additionalProperties": false,
      "$schema": "http://json-schema.org/draft-07/schema#"
    }
    """#)

  /// An MCP elicitation `requestedSchema` (2025-11-25): every primitive and every enum form.
  static let elicitation = parse(
    #"""
    {
      "type": "object",
      "properties": {
        "name": {"type": "string", "title": "Display Name", "minLength": 1, "maxLength": 50},
        "email": {"type": "string", "format": "email"},
        "age": {"type": "integer", "minimum": 0, "maximum": 150},
        "subscribe": {"type": "boolean", "default": false},
        "color": {
          "type": "string", "title": "Color",
          "oneOf": [{"const": "#FF0000", "title": "Red"}, {"const": "#00FF00", "title": "Green"}]
        },
        "size": {"type": "string", "enum": ["s", "m", "l"], "enumNames": ["Small", "Medium", "Large"]},
        "toppings": {
          "type": "array", "title": "Toppings", "minItems": 1, "maxItems": 2,
          "items": {"type": "string", "enum": ["cheese", "ham", "olives"]}
        },
        "colors": {
          "type": "array",
          "items": {"anyOf": [{"const": "#FF0000", "title": "Red"}, {"const": "#0000FF", "title": "Blue"}]}
        }
      },
      "required": ["name", "email"]
    }
    """#)

  /// A draft-07 schema with `definitions`.
  static let draft07 = parse(
    #"""
    {
      "definitions": {
        "Point": {
          "type": "object",
          "properties": {"x": {"type": "number"}, "y": {"type": "number"}},
          "required": ["x", "y"]
        }
      },
      "type": "object",
      "properties": {
        "at": {"$ref": "#/definitions/Point"},
        "path": {"type": "array", "items": {"$ref": "#/definitions/Point"}}
      },
      "required": ["at"]
    }
    """#)

  /// A recursive schema: a tree of nodes.
  static let recursive = parse(
    #"""
    {
      "$defs": {
        "Node": {
          "type": "object",
          "properties": {
            "name": {"type": "string"},
            "children": {"type": "array", "items": {"$ref": "#/$defs/Node"}}
          }
        }
      },
      "type": "object",
      "properties": {"root": {"$ref": "#/$defs/Node"}}
    }
    """#)

  static func parse(_ text: String) -> JSONValue {
    do {
      return try JSONParser.parse(text)
    } catch {
      fatalError("bad test JSON: \(error)")
    }
  }

  static func pointer(_ text: String) -> JSONPointer {
    guard let pointer = JSONPointer(text) else { fatalError("bad pointer \(text)") }
    return pointer
  }

  /// A field kind in a few words: `text(date)`, `choice(low|normal|high)`, `list(object)`.
  static func describe(_ kind: FormFieldKind) -> String {
    switch kind {
    case .text(let format, let pattern):
      let hints = [format, pattern.map { "/\($0)/" }].compactMap { $0 }
      return hints.isEmpty ? "text" : "text(\(hints.joined(separator: ",")))"
    case .number: return "number"
    case .integer: return "integer"
    case .boolean: return "boolean"
    case .choice(let options): return "choice(\(options.map(\.title).joined(separator: "|")))"
    case .multiChoice(let options):
      return "multi(\(options.map(\.title).joined(separator: "|")))"
    case .list(let item): return "list(\(describe(item.kind)))"
    case .object(let fields): return "object(\(fields.map(\.name).joined(separator: ",")))"
    case .raw: return "raw"
    }
  }
}
