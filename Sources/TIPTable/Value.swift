/// The type of a table column, from strictest to loosest: the order type inference tries them.
public enum ColumnType: String, CaseIterable, Sendable, Hashable, Codable {
    case boolean, integer, double, percent, currency, date, period, string

    /// Inference order, strictest first. `integer` precedes `period` so that a column of bare
    /// years stays numeric unless a schema says it is a period.
    public static let inferenceOrder: [ColumnType] =
        [.boolean, .integer, .double, .percent, .currency, .date, .period, .string]

    /// Whether values of this type are numbers on which arithmetic makes sense.
    public var isNumeric: Bool {
        switch self {
        case .integer, .double, .percent, .currency: return true
        default: return false
        }
    }

    /// What a problem message says was expected.
    public var expectation: String {
        switch self {
        case .boolean: return "a boolean (true/false, yes/no)"
        case .integer: return "an integer"
        case .double: return "a number"
        case .percent: return "a percentage such as 28%"
        case .currency: return "an amount such as $346.18"
        case .date: return "an ISO 8601 date (YYYY-MM-DD)"
        case .period: return "a period (2016, 2016-03, 2016-Q3, 2016-01/2016-09 or 2006/2016-03)"
        case .string: return "text"
        }
    }
}

/// One typed cell.
public enum Value: Sendable, Hashable, CustomStringConvertible {
    case missing
    case boolean(Bool)
    case integer(Int)
    case double(Double)
    /// Percentage points: `28%` is `.percent(28)`.
    case percent(Double)
    /// An amount of money in the currency's main unit: `$346.18` is `.currency(346.18)`.
    case currency(Double)
    case date(CalendarDate)
    case period(Period)
    case string(String)

    public var isMissing: Bool { if case .missing = self { return true } else { return false } }

    /// The value as a number, for numeric types; nil otherwise.
    public var number: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .double(let d), .percent(let d), .currency(let d): return d
        default: return nil
        }
    }

    public var integer: Int? { if case .integer(let i) = self { return i } else { return nil } }
    public var period: Period? { if case .period(let p) = self { return p } else { return nil } }

    public var string: String? {
        switch self {
        case .missing: return nil
        case .string(let s): return s
        default: return description
        }
    }

    /// An amount with at least two decimals and every digit it needs to read back exactly:
    /// `8344.00`, `346.18`, `0.125` (rounding to cents here would change the data in a CSV).
    static func amountText(_ d: Double) -> String {
        let text = formatNumber(d)
        if text.contains("e") { return text }
        guard let dot = text.firstIndex(of: ".") else { return text + ".00" }
        let decimals = text.distance(from: dot, to: text.endIndex) - 1
        return decimals == 1 ? text + "0" : text
    }

    /// Canonical text: what `--format csv` writes and what a round trip parses back.
    public var description: String {
        switch self {
        case .missing: return ""
        case .boolean(let b): return b ? "true" : "false"
        case .integer(let i): return String(i)
        case .double(let d): return formatNumber(d)
        case .percent(let d): return formatNumber(d) + "%"
        case .currency(let d):
            return (d < 0 ? "-$" : "$") + Value.amountText(abs(d))
        case .date(let d): return d.description
        case .period(let p): return p.description
        case .string(let s): return s
        }
    }
}

/// Shortest text that reads back as the same double, without a trailing `.0` for integral
/// values (82992, not 82992.0). Swift's own shortest-round-trip algorithm does the work.
public func formatNumber(_ d: Double) -> String {
    if d.isNaN { return "NaN" }
    if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
    if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
    return d.description
}

/// Fixed decimals with round-half-to-even avoided: rounds the decimal shortest representation,
/// so 346.185 written with 2 decimals is 346.19 as a reader of the source expects.
public func formatFixed(_ d: Double, decimals: Int) -> String {
    if !d.isFinite { return formatNumber(d) }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(d) * scale).rounded(.toNearestOrAwayFromZero)
    guard scaled < 9e15 else { return formatNumber(d) }
    let n = Int64(scaled)
    var digits = String(n)
    if decimals > 0 {
        if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
        digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
    }
    return (d < 0 && n != 0 ? "-" : "") + digits
}

/// Thousands separators for people (82992 -> "82,992").
public func groupThousands(_ n: Int) -> String {
    let s = String(abs(n))
    var out = ""
    for (i, c) in s.enumerated() {
        if i > 0 && (s.count - i) % 3 == 0 { out.append(",") }
        out.append(c)
    }
    return n < 0 ? "-" + out : out
}
