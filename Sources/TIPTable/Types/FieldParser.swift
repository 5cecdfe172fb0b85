import TIPPlatform

/// What a field's text is, read as one column type.
public enum FieldReading: Sendable, Equatable {
    /// The text is a value of the type.
    case value(Value)
    /// The text has the type's form but its value cannot be represented (`1e400`, an integer
    /// beyond 64 bits, `2016-02-30`, a period ending before it starts): a problem to report,
    /// not a reason to infer a looser type.
    case invalid(String)
    /// The text is not of this type at all.
    case mismatch
}

/// Parsers from field bytes to typed values. They work on the bytes libcsv hands over (no
/// `String` per field) and accept what spreadsheets export: surrounding spaces, thousands
/// separators (`1,841`), `28%`, `$346.18`, `($5.00)` for a negative amount.
public enum FieldParser {
    static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")

    /// Reads `bytes` as `type`.
    public static func read(_ bytes: UnsafeBufferPointer<UInt8>, as type: ColumnType) -> FieldReading {
        let t = trim(bytes)
        switch type {
        case .boolean: return boolean(t)
        case .integer: return integer(t)
        case .double: return decimal(t).map { .double($0) }
        case .percent: return percent(t)
        case .currency: return currency(t)
        case .date: return date(t)
        case .period: return period(t)
        case .string: return .value(.string(String(decoding: bytes, as: UTF8.self)))
        }
    }

    public static func read(_ text: String, as type: ColumnType) -> FieldReading {
        var copy = text
        return copy.withUTF8 { read($0, as: type) }
    }

    /// Reads `text` as `type`, dates written in `dateOrder` (`3/4/2016` with `.mdy`).
    public static func read(_ text: String, as type: ColumnType, dateOrder: DateOrder) -> FieldReading {
        guard type == .date, dateOrder != .iso else { return read(text, as: type) }
        var copy = text
        return copy.withUTF8 { dateOrder.reading($0) }
    }

    @inline(__always) static func trim(_ b: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var lo = 0, hi = b.count
        while lo < hi && (b[lo] == space || b[lo] == tab) { lo += 1 }
        while hi > lo && (b[hi - 1] == space || b[hi - 1] == tab) { hi -= 1 }
        return UnsafeBufferPointer(rebasing: b[lo..<hi])
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c &- 48 < 10 }

    /// `true`/`false`/`yes`/`no`, any case. Not `T`/`F` or `Y`/`N`, which are codes in real
    /// exports (F for female), and not `0`/`1`, which are integers.
    static func boolean(_ b: UnsafeBufferPointer<UInt8>) -> FieldReading {
        guard b.count >= 2 && b.count <= 5 else { return .mismatch }
        var lower = ""
        for c in b { lower.unicodeScalars.append(Unicode.Scalar(c >= 65 && c <= 90 ? c + 32 : c)) }
        switch lower {
        case "true", "yes": return .value(.boolean(true))
        case "false", "no": return .value(.boolean(false))
        default: return .mismatch
        }
    }

    /// The shape of a number and its digits, read in one pass: the sign, the parts present,
    /// thousands grouping, and the mantissa as an integer with the decimal point removed
    /// (`1,234.50` -> 123450 with 2 fraction digits), so that integers, decimals and exact
    /// decimals all come from this one scan.
    struct NumberShape {
        var negative = false
        var hasFraction = false
        var hasExponent = false
        var grouped = false
        /// The mantissa's digits as an integer; meaningful when `mantissaOverflow` is false.
        var mantissa: UInt64 = 0
        /// More significant digits than 64 bits hold.
        var mantissaOverflow = false
        var fractionDigits = 0
        /// The written exponent (`e-3` -> -3), clamped to ±100,000: far beyond any double.
        var exponent = 0

        @inline(__always) mutating func appendDigit(_ c: UInt8) {
            let (m, o1) = mantissa.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(UInt64(c &- 48))
            mantissa = s
            if o1 || o2 { mantissaOverflow = true }
        }
    }

    /// Checks the grammar `sign? (d{1,3}(,ddd)+ | d+)? (. d*)? ([eE] sign? d+)?` with at least
    /// one digit in the mantissa. Returns nil when the text is not a number.
    @inline(__always) static func numberShape(_ b: UnsafeBufferPointer<UInt8>) -> NumberShape? {
        var shape = NumberShape()
        var i = 0
        let n = b.count
        if i < n && (b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-")) {
            shape.negative = b[i] == UInt8(ascii: "-")
            i += 1
        }
        var intDigits = 0, groupDigits = 0
        while i < n {
            let c = b[i]
            if isDigit(c) {
                intDigits += 1
                groupDigits += 1
                shape.appendDigit(c)
            } else if c == UInt8(ascii: ",") {
                // Grouping: the first group has 1-3 digits, later groups exactly 3.
                if shape.grouped { guard groupDigits == 3 else { return nil } } else {
                    guard groupDigits >= 1 && groupDigits <= 3 else { return nil }
                }
                shape.grouped = true
                groupDigits = 0
            } else { break }
            i += 1
        }
        if shape.grouped && groupDigits != 3 { return nil }
        if i < n && b[i] == UInt8(ascii: ".") {
            shape.hasFraction = true
            i += 1
            while i < n && isDigit(b[i]) { shape.appendDigit(b[i]); shape.fractionDigits += 1; i += 1 }
        }
        guard intDigits + shape.fractionDigits > 0 else { return nil }
        if i < n && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
            shape.hasExponent = true
            i += 1
            var negativeExponent = false
            if i < n && (b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-")) {
                negativeExponent = b[i] == UInt8(ascii: "-")
                i += 1
            }
            var expDigits = 0
            while i < n && isDigit(b[i]) {
                shape.exponent = min(shape.exponent * 10 + Int(b[i] - 48), 100_000)
                expDigits += 1
                i += 1
            }
            guard expDigits > 0 else { return nil }
            if negativeExponent { shape.exponent = -shape.exponent }
        }
        return i == n ? shape : nil
    }

    /// Whether `text`, less surrounding spaces and tabs, is a number in the grammar above:
    /// `-5`, `+3.5`, `1,841`, `1e-3`.
    static func isPlainNumber(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { numberShape(trim($0)) != nil }
    }

    static func integer(_ b: UnsafeBufferPointer<UInt8>) -> FieldReading {
        guard let shape = numberShape(b), !shape.hasFraction, !shape.hasExponent else { return .mismatch }
        let limit = shape.negative ? UInt64(Int.max) + 1 : UInt64(Int.max)
        if shape.mantissaOverflow || shape.mantissa > limit { return .invalid("is beyond the 64-bit integer range") }
        if shape.negative {
            // Integers have no negative zero: "-0" is a formula or formatting artefact.
            if shape.mantissa == 0 { return .invalid("is a negative zero, which is not an integer value") }
            return .value(.integer(Int(truncatingIfNeeded: 0 &- shape.mantissa)))
        }
        return .value(.integer(Int(shape.mantissa)))
    }

    /// Powers of ten that a double holds exactly.
    private static let exactPowersOfTen: [Double] = (0...22).map { p in (0..<p).reduce(1.0) { r, _ in r * 10 } }

    /// Decimal numbers, correctly rounded. A mantissa of at most 2^53 with a power of ten of at
    /// most 22 takes Clinger's fast path (both operands are exact doubles, so one IEEE multiply
    /// or divide rounds correctly); anything else goes through the C library's correctly
    /// rounded `strtod` after removing grouping commas. Rejects `NaN` and `Infinity` (not
    /// data) and reports overflow and underflow (`1e400`, `1e-400`) instead of silently
    /// storing infinity or zero.
    static func decimal(_ b: UnsafeBufferPointer<UInt8>) -> DecimalReading {
        guard let shape = numberShape(b) else { return .mismatch }
        let power = shape.exponent - shape.fractionDigits
        if !shape.mantissaOverflow && shape.mantissa <= 1 << 53 && abs(power) <= 22 {
            let m = Double(shape.mantissa)
            let d = power < 0 ? m / exactPowersOfTen[-power] : m * exactPowersOfTen[power]
            return .value(shape.negative ? -d : d)
        }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: b.count + 1) { buf in
            var k = 0
            for c in b where c != UInt8(ascii: ",") || !shape.grouped {
                buf[k] = CChar(bitPattern: c)
                k += 1
            }
            buf[k] = 0
            errno = 0
            let d = strtod(buf.baseAddress!, nil)
            if errno == ERANGE || !d.isFinite {
                return .invalid(d.isFinite && abs(d) < 1
                    ? "is too close to zero to represent" : "is beyond the range of a 64-bit float")
            }
            return .value(d)
        }
    }

    enum DecimalReading {
        case value(Double), invalid(String), mismatch
        func map(_ f: (Double) -> Value) -> FieldReading {
            switch self {
            case .value(let d): return .value(f(d))
            case .invalid(let why): return .invalid(why)
            case .mismatch: return .mismatch
            }
        }
    }

    /// A number read exactly (see `ExactDecimal`): an integer or decimal, an amount of money
    /// or a percentage, in the forms `read(_:as:)` accepts for those types; surrounding spaces
    /// are ignored. What aggregation sums: exact sums do not depend on the order of the rows.
    public static func exactNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> ExactNumberReading {
        let t = trim(bytes)
        if let shape = numberShape(t) { return exact(shape, form: shape.hasFraction || shape.hasExponent ? .decimal : .integer) }
        if let (body, negative) = currencyParts(t) {
            guard let shape = numberShape(body) else { return .mismatch }
            return exact(shape, form: .currency, negate: negative)
        }
        if let body = percentBody(t), let shape = numberShape(body) { return exact(shape, form: .percent) }
        return .mismatch
    }

    @inline(__always) private static func exact(_ shape: NumberShape, form: NumberForm, negate: Bool = false) -> ExactNumberReading {
        guard !shape.mantissaOverflow else {
            return .invalid("has more significant digits than TIPStat sums exactly (19)")
        }
        var scale = shape.fractionDigits - shape.exponent
        var units = Int128(shape.mantissa)
        if shape.mantissa == 0 {
            scale = 0
        } else if scale < 0 {
            guard scale >= -ExactDecimal.maxScale, let scaled = ExactDecimal.scaled(units, by: -scale) else {
                return .invalid("is beyond the range TIPStat sums exactly")
            }
            units = scaled
            scale = 0
        } else if scale > ExactDecimal.maxScale {
            return .invalid("has more than \(ExactDecimal.maxScale) decimal places, more than TIPStat sums exactly")
        }
        if shape.negative != negate { units = -units }
        return .value(ExactDecimal(units: units, scale: scale), form)
    }

    /// `28%`, `28 %`, `-3.5%`: a number followed by a percent sign, kept as percentage points.
    static func percent(_ b: UnsafeBufferPointer<UInt8>) -> FieldReading {
        guard let body = percentBody(b) else { return .mismatch }
        return decimal(body).map { .percent($0) }
    }

    /// The number before a percent sign, or nil when the text does not end with one.
    @inline(__always) static func percentBody(_ b: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        guard b.count >= 2, b[b.count - 1] == UInt8(ascii: "%") else { return nil }
        return trim(UnsafeBufferPointer(rebasing: b[0..<(b.count - 1)]))
    }

    /// `$346.18`, `$8,344`, `-$5`, `$-5`, `$ 5`, `($5.00)` (accounting negative).
    static func currency(_ b: UnsafeBufferPointer<UInt8>) -> FieldReading {
        guard let (body, negative) = currencyParts(b) else { return .mismatch }
        return decimal(body).map { .currency(negative ? -$0 : $0) }
    }

    /// The number of an amount of money and whether the amount is negative (a sign before the
    /// `$` or accounting parentheses), or nil when the text is not written as money.
    @inline(__always) static func currencyParts(_ b: UnsafeBufferPointer<UInt8>) -> (UnsafeBufferPointer<UInt8>, Bool)? {
        var lo = 0, hi = b.count
        var negative = false
        if hi - lo >= 2 && b[lo] == UInt8(ascii: "(") && b[hi - 1] == UInt8(ascii: ")") {
            negative = true; lo += 1; hi -= 1
        }
        if lo < hi && b[lo] == UInt8(ascii: "-") { negative.toggle(); lo += 1 }
        guard lo < hi && b[lo] == UInt8(ascii: "$") else { return nil }
        lo += 1
        let body = trim(UnsafeBufferPointer(rebasing: b[lo..<hi]))
        guard let first = body.first, first != UInt8(ascii: "+") else { return nil }
        if negative && first == UInt8(ascii: "-") { return nil }
        return (body, negative)
    }

    /// ISO 8601 calendar date `YYYY-MM-DD`; a date that does not exist is invalid, not text.
    static func date(_ b: UnsafeBufferPointer<UInt8>) -> FieldReading {
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return .mismatch }
        var fields = [0, 0, 0]
        for (f, range) in [(0, 0..<4), (1, 5..<7), (2, 8..<10)] {
            for i in range {
                guard isDigit(b[i]) else { return .mismatch }
                fields[f] = fields[f] * 10 + Int(b[i] - 48)
            }
        }
        guard let d = CalendarDate(year: fields[0], month: fields[1], day: fields[2]) else {
            return .invalid("is not a date that exists")
        }
        return .value(.date(d))
    }

    static func period(_ b: UnsafeBufferPointer<UInt8>) -> FieldReading {
        guard b.count >= 4 && b.count <= 15, isDigit(b[0]) else { return .mismatch }
        let text = Substring(String(decoding: b, as: UTF8.self))
        switch Period.parse(text) {
        case .success(let p): return .value(.period(p))
        case .failure(.endsBeforeStart): return .invalid("ends before it starts")
        case .failure(.malformed):
            // Month 13 and similar: the shape of a period (a four-digit year first) with an
            // impossible month. A US date such as 3/4/2016 is not that shape.
            let shapeOnly = b.allSatisfy { isDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "/") }
                && b.prefix(4).allSatisfy(isDigit)
            return shapeOnly && b.count >= 7 ? .invalid("is not a valid period") : .mismatch
        }
    }
}
