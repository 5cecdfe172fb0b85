/// Numbers as they appear in the plain-language statements of results ("up 12 from 29 to 41
/// (+41.4%)"): rounded half away from zero to a fixed number of decimals, thousands grouped
/// with commas as the council's report writes them (82,992), no trailing ".0" on whole
/// numbers. Locale-independent on purpose, so statements are identical on every machine.
enum NumberText {
    static func format(_ x: Double, decimals: Int = 1) -> String {
        guard x.isFinite else { return x > 0 ? "infinity" : (x < 0 ? "-infinity" : "undefined") }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (x.magnitude * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return "\(x)" }
        let units = Int(scaled)
        let whole = units / Int(scale)
        let fraction = units % Int(scale)
        var text = grouped(whole)
        if fraction != 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: decimals - digits.count) + digits
            while text.hasSuffix("0") { text.removeLast() }
        }
        return (x < 0 && units != 0 ? "-" : "") + text
    }

    /// A signed percentage: "+41.4%", "-12%", "0%".
    static func signedPercent(_ x: Double, decimals: Int = 1) -> String {
        let text = format(x, decimals: decimals)
        return (x > 0 && text != "0" ? "+" : "") + text + "%"
    }

    private static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }
}

extension NumberText {
    /// "p = 0.011", "p < 0.001": three decimals, as journals print p-values.
    static func pValue(_ p: Double) -> String {
        p < 0.001 ? "p < 0.001" : "p = \(format(p, decimals: 3))"
    }
}

extension NumberText {
    /// "5.2e-8": two significant digits, for magnitudes far from 1.
    static func scientific(_ x: Double) -> String {
        guard x.isFinite, x != 0 else { return format(x) }
        var mantissa = x.magnitude
        var exponent = 0
        while mantissa >= 10 { mantissa /= 10; exponent += 1 }
        while mantissa < 1 { mantissa *= 10; exponent -= 1 }
        if (mantissa * 10).rounded(.toNearestOrAwayFromZero) >= 100 { mantissa /= 10; exponent += 1 }
        return (x < 0 ? "-" : "") + format(mantissa, decimals: 1) + "e\(exponent)"
    }
}

extension NumberText {
    /// "$8,344", "$346.18": cents shown only when there are any.
    static func dollars(_ x: Double) -> String {
        let text = format(x.magnitude, decimals: 2)
        let cents = text.contains(".") && text.split(separator: ".")[1].count == 1 ? text + "0" : text
        return (x < 0 ? "-$" : "$") + cents
    }
}
