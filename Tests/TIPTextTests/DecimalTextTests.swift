import Testing
import TIPText

/// Decimal rounding at its edges: ties that binary rounding gets wrong, signed zero, huge and
/// tiny values, infinity and NaN.
@Suite("Numbers as text")
struct DecimalTextTests {
    @Test("ties round half away from zero on the decimal digits, not on the binary value")
    func decimalTies() {
        // 1.005 is 1.00499999999999989... and 0.285 is 0.28499999999999998... as doubles:
        // binary rounding gives "1.00" and "0.28".
        #expect(DecimalText.fixed(1.005, decimals: 2) == "1.01")
        #expect(DecimalText.fixed(0.285, decimals: 2) == "0.29")
        #expect(DecimalText.fixed(346.185, decimals: 2) == "346.19")
        #expect(DecimalText.fixed(2.675, decimals: 2) == "2.68")
        #expect(DecimalText.fixed(-1.005, decimals: 2) == "-1.01")
        #expect(DecimalText.fixed(0.5, decimals: 0) == "1")
        #expect(DecimalText.fixed(-0.5, decimals: 0) == "-1")
        #expect(DecimalText.fixed(1.00499, decimals: 2) == "1.00")
    }

    @Test("carries ripple through nines, and a carry past the first digit adds one")
    func carries() {
        #expect(DecimalText.fixed(9.995, decimals: 2) == "10.00")
        #expect(DecimalText.fixed(999.5, decimals: 0) == "1000")
        #expect(DecimalText.fixed(0.0005, decimals: 3) == "0.001")
        #expect(DecimalText.fixed(0.00049, decimals: 3) == "0.000")
        #expect(DecimalText.format(99_999.96) == "100,000")
    }

    @Test("zero and values that round to zero have no sign")
    func signedZero() {
        #expect(DecimalText.fixed(-0.0, decimals: 2) == "0.00")
        #expect(DecimalText.fixed(-0.004, decimals: 2) == "0.00")
        #expect(DecimalText.format(-0.0) == "0")
        #expect(DecimalText.signedPercent(0.04) == "0.0%")
        #expect(DecimalText.signedPercent(-0.04) == "0.0%")
        #expect(DecimalText.dollars(-0.001) == "$0")
        #expect(DecimalText.shortest(-0.0) == "0")
    }

    @Test("huge and tiny values keep all their digits")
    func extremes() {
        #expect(DecimalText.fixed(1e308, decimals: 2) == "1" + String(repeating: "0", count: 308) + ".00")
        #expect(DecimalText.format(1e20) == "100,000,000,000,000,000,000")
        #expect(DecimalText.format(-Double.greatestFiniteMagnitude).hasPrefix("-179,769,313,486,231,570,000"))
        #expect(DecimalText.fixed(5e-324, decimals: 3) == "0.000")
        #expect(DecimalText.fixed(1e-7, decimals: 8) == "0.00000010")
        #expect(DecimalText.shortest(1e20) == "1e+20")
        #expect(DecimalText.shortest(82_992) == "82992")
    }

    @Test("infinity and NaN are said in words")
    func nonFinite() {
        #expect(DecimalText.fixed(.infinity, decimals: 2) == "infinity")
        #expect(DecimalText.fixed(-.infinity, decimals: 2) == "-infinity")
        #expect(DecimalText.fixed(.nan, decimals: 2) == "not a number")
        #expect(DecimalText.dollars(.nan) == "not a number")
        #expect(DecimalText.signedPercent(.infinity) == "infinity")
        #expect(DecimalText.shortest(.nan) == "NaN")
        #expect(DecimalText.shortest(-.infinity) == "-Infinity")
    }

    @Test("percentages carry their sign")
    func percentages() {
        #expect(DecimalText.signedPercent(41.379) == "+41.4%")
        #expect(DecimalText.signedPercent(-12) == "-12.0%")
        #expect(DecimalText.signedPercent(-28.5, decimals: 0) == "-29%")
    }

    @Test("dollars: the minus sign before the dollar sign, cents when there are any or always")
    func dollars() {
        #expect(DecimalText.dollars(-5.5) == "-$5.50")
        #expect(DecimalText.dollars(8_344) == "$8,344")
        #expect(DecimalText.dollars(346.18 + 220.48) == "$566.66")
        #expect(DecimalText.dollars(8_344, cents: .always) == "$8,344.00")
        #expect(DecimalText.dollars(-1_234_567.005, cents: .always) == "-$1,234,567.01")
        #expect(DecimalText.dollars(0.995) == "$1")
    }

    @Test("grouped integers, p-values, significant and scientific forms")
    func otherForms() {
        #expect(DecimalText.grouped(82_992) == "82,992")
        #expect(DecimalText.grouped(-1_234_567) == "-1,234,567")
        #expect(DecimalText.grouped(Int.min) == "-9,223,372,036,854,775,808")
        #expect(DecimalText.pValue(0.0106816) == "p = 0.011")
        #expect(DecimalText.pValue(0.0002) == "p < 0.001")
        #expect(DecimalText.significant(201.3333, digits: 4) == "201.3")
        #expect(DecimalText.significant(0.010681614, digits: 3) == "0.0107")
        #expect(DecimalText.significant(1.885057, digits: 4) == "1.885")
        #expect(DecimalText.significant(82_992, digits: 4) == "82992")
        #expect(DecimalText.significant(9.99996, digits: 4) == "10")
        #expect(DecimalText.significant(0.00001234, digits: 4) == "1.23e-05")
        #expect(DecimalText.scientific(3.2e-7, digits: 2) == "3.2e-07")
        #expect(DecimalText.scientific(-9.96e-5, digits: 2) == "-1.0e-04")
        #expect(DecimalText.scientific(5e20, digits: 1) == "5e+20")
        #expect(DecimalText.scientific(1.5e-120, digits: 2) == "1.5e-120")
        #expect(DecimalText.scientific(0, digits: 2) == "0")
    }

    @Test("a format's options: grouping, trimmed zeros, figure minus sign")
    func formatOptions() {
        let figure = DecimalFormat(decimals: 2, grouping: true, fraction: .trimmed, minusSign: "\u{2212}", suffix: "%")
        #expect(figure.string(-1234.5) == "\u{2212}1,234.5%")
        #expect(figure.string(12) == "12%")
        #expect(DecimalFormat(decimals: 2, fraction: .wholeOrFixed, prefix: "$").string(346.1) == "$346.10")
    }
}
