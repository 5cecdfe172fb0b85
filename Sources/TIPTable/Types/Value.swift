import TIPText

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
/// values (82992, not 82992.0): TIPText's ``DecimalText/shortest(_:)``, under the name every
/// module has used.
public func formatNumber(_ d: Double) -> String { DecimalText.shortest(d) }

/// Fixed decimals, rounded on the decimal digits the number prints as (346.185 with 2 decimals
/// is 346.19, 1.005 is 1.01): TIPText's ``DecimalText/fixed(_:decimals:)``.
public func formatFixed(_ d: Double, decimals: Int) -> String { DecimalText.fixed(d, decimals: decimals) }

/// Thousands separators for people (82992 -> "82,992"): TIPText's ``DecimalText/grouped(_:)``.
public func groupThousands(_ n: Int) -> String { DecimalText.grouped(n) }
