import TIPTable

/// One derivation of a `derived_from` cell: `COLUMN = ARITHMETIC from FILE:KEY[; FILE:KEY...]`,
/// such as `total = 202 from dcf-referrals.csv:2016` or `cases = 24 + 5 from hotline.csv:2015`.
/// A cell holds up to ``QuoteRule/maxDerivationsPerCell`` of them, separated by `|`.
///
/// The arithmetic has numbers (written as in a quote: `3,557`, `82.7`), `+`, `-`, `*` (also
/// `x` and `×`), `/` and parentheses, with the usual precedence (`*` and `/` before `+` and
/// `-`, left to right otherwise). It has no signs of its own: a derivation starts from figures
/// that sources state, which are not negative.
struct Derivation: Sendable, Hashable {
    /// The figure column whose value the arithmetic gives.
    var column: String
    /// The arithmetic as written.
    var arithmetic: String
    var expression: Expression
    /// The rows named, as `FILE:KEY`.
    var keys: [String]

    indirect enum Expression: Sendable, Hashable {
        case number(Double)
        case operation(Character, Expression, Expression)

        /// Every number written in the arithmetic, in order.
        var numbers: [Double] {
            switch self {
            case .number(let x): return [x]
            case let .operation(_, a, b): return a.numbers + b.numbers
            }
        }

        /// The value, or nil when a division by zero makes it undefined.
        var value: Double? {
            switch self {
            case .number(let x): return x
            case let .operation(op, a, b):
                guard let x = a.value, let y = b.value else { return nil }
                switch op {
                case "+": return x + y
                case "-": return x - y
                case "*": return x * y
                default: return y == 0 ? nil : x / y
                }
            }
        }
    }

    /// Why a cell could not be read: the message says what was expected.
    struct SyntaxError: Error, Sendable {
        let message: String
    }

    /// The derivations of one cell.
    static func parse(cell: String) throws(SyntaxError) -> [Derivation] {
        let pieces = cell.split(separator: "|").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        guard pieces.count <= QuoteRule.maxDerivationsPerCell else {
            throw SyntaxError(message: "more than \(QuoteRule.maxDerivationsPerCell) derivations in one cell")
        }
        var derivations: [Derivation] = []
        for piece in pieces {
            do {
                derivations.append(try parse(piece))
            } catch {
                throw SyntaxError(message: "cannot read \(quotedForMessage(piece, limit: 60)): \(error.message); "
                                  + "write COLUMN = ARITHMETIC from FILE:KEY[; FILE:KEY...]")
            }
        }
        return derivations
    }

    private static func parse(_ text: String) throws(SyntaxError) -> Derivation {
        guard let equals = text.firstIndex(of: "=") else { throw SyntaxError(message: "no \"=\"") }
        let column = String(text[..<equals]).trimmingSpaces
        guard !column.isEmpty else { throw SyntaxError(message: "no column before \"=\"") }
        let rest = String(text[text.index(after: equals)...])
        guard let from = rest.range(of: " from ") else { throw SyntaxError(message: "no \" from \" before the rows named") }
        let arithmetic = String(rest[..<from.lowerBound]).trimmingSpaces
        let keys = rest[from.upperBound...].split(separator: ";").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        guard !keys.isEmpty else { throw SyntaxError(message: "no row named after \"from\"") }
        guard keys.count <= QuoteRule.maxKeysPerDerivation else {
            throw SyntaxError(message: "more than \(QuoteRule.maxKeysPerDerivation) rows named")
        }
        var parser = ArithmeticParser(Array(arithmetic.unicodeScalars))
        let expression = try parser.expression(depth: 0)
        guard parser.atEnd else { throw SyntaxError(message: "unexpected \(quotedForMessage(parser.rest)) in the arithmetic") }
        return Derivation(column: column, arithmetic: arithmetic, expression: expression, keys: keys)
    }

    /// Recursive descent over `expression := term (("+" | "-") term)*`,
    /// `term := factor (("*" | "x" | "×" | "/") factor)*`, `factor := number | "(" expression ")"`.
    private struct ArithmeticParser {
        let text: [Unicode.Scalar]
        var i = 0

        init(_ text: [Unicode.Scalar]) { self.text = text }

        var atEnd: Bool { mutating get { skipSpaces(); return i == text.count } }
        var rest: String { String(String.UnicodeScalarView(text[i...])) }

        mutating func skipSpaces() {
            while i < text.count, text[i] == " " || text[i] == "\t" { i += 1 }
        }

        mutating func take(_ operators: String) -> Character? {
            skipSpaces()
            guard i < text.count, operators.unicodeScalars.contains(text[i]) else { return nil }
            defer { i += 1 }
            switch text[i] {
            case "x", "X", "×": return "*"
            default: return Character(text[i])
            }
        }

        mutating func expression(depth: Int) throws(SyntaxError) -> Expression {
            var left = try term(depth: depth)
            while let op = take("+-") { left = .operation(op, left, try term(depth: depth)) }
            return left
        }

        mutating func term(depth: Int) throws(SyntaxError) -> Expression {
            var left = try factor(depth: depth)
            while let op = take("*xX×/") { left = .operation(op, left, try factor(depth: depth)) }
            return left
        }

        mutating func factor(depth: Int) throws(SyntaxError) -> Expression {
            skipSpaces()
            guard i < text.count else { throw SyntaxError(message: "the arithmetic ends where a number was expected") }
            if text[i] == "(" {
                guard depth < QuoteRule.maxNesting else {
                    throw SyntaxError(message: "parentheses nested more than \(QuoteRule.maxNesting) deep")
                }
                i += 1
                let inner = try expression(depth: depth + 1)
                guard take(")") != nil else { throw SyntaxError(message: "a \"(\" is never closed") }
                return inner
            }
            guard let (value, end) = QuoteRule.number(in: text, at: i) else {
                throw SyntaxError(message: "expected a number, found \(quotedForMessage(rest))")
            }
            i = end
            return .number(value)
        }
    }
}
