import TIPText

/// A JSON value with ordered object keys, written deterministically: the same value always
/// gives the same bytes (what golden tests and notebooks compare).
///
/// ```swift
/// let v: JSONValue = .object([("estimate", .number(41)), ("method", .string("exact"))])
/// v.rendered()   // {"estimate":41,"method":"exact"}
/// ```
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case integer(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.rendered() == b.rendered() }

    /// Compact JSON. Non-finite numbers, which JSON cannot hold, are written as null.
    public func rendered() -> String {
        var out = ""
        write(to: &out)
        return out
    }

    public func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .integer(let i): out += String(i)
        case .number(let d): out += d.isFinite ? formatNumber(d) : "null"
        case .string(let s): JSONText.write(s, to: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out += "," }
                JSONText.write(key, to: &out)
                out += ":"
                value.write(to: &out)
            }
            out += "}"
        }
    }

    /// A typed table value as JSON: numbers as numbers, periods and dates as their ISO text.
    public init(_ value: Value) {
        switch value {
        case .missing: self = .null
        case .boolean(let b): self = .bool(b)
        case .integer(let i): self = .integer(i)
        case .double(let d), .percent(let d), .currency(let d): self = .number(d)
        case .date, .period, .string: self = .string(value.description)
        }
    }
}
