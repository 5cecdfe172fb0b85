import Testing
import TIPStats

/// Double-double arithmetic at its edges, as swift-numerics tests `Augmented`: infinities, NaN,
/// signed zeros, division by zero and square roots of negative numbers behave as `Double`
/// does; inside the range, the low part carries what a double would lose.
@Suite("Double-double arithmetic")
struct DoubleDoubleTests {
    let one = DoubleDouble(1), inf = DoubleDouble(Double.infinity), nan = DoubleDouble(Double.nan)

    @Test("the trailing part keeps what a double loses")
    func exactness() {
        let tiny = DoubleDouble(1e-20)
        #expect(((one + tiny) - one).value == 1e-20)
        #expect((one + tiny).hi == 1 && (one + tiny).lo == 1e-20)
        // 2^62 + 1 is not a double; as a double-double it is exact.
        let big = DoubleDouble((1 << 62) + 1)
        #expect(big.hi == 0x1p62 && big.lo == 1)
        // (1 + 2^-30)^2 = 1 + 2^-29 + 2^-60: the product keeps the last term.
        let x = DoubleDouble(1 + 0x1p-30)
        #expect((x * x).hi == 1 + 0x1p-29 && (x * x).lo == 0x1p-60)
        // 1/3 to about 32 digits: 3 * (1/3) - 1 is below 1e-32.
        let third = one / DoubleDouble(3)
        #expect(abs((DoubleDouble(3) * third - one).value) < 1e-32)
        #expect((DoubleDouble(2).squareRoot() * DoubleDouble(2).squareRoot() - DoubleDouble(2)).value.magnitude < 1e-31)
    }

    @Test("infinity and NaN propagate as in Double, with no trailing part")
    func nonFinite() {
        #expect((inf + one).value == .infinity && (inf + one).lo == 0)
        #expect((one - inf).value == -.infinity)
        #expect((inf - inf).value.isNaN)
        #expect((DoubleDouble(0) * inf).value.isNaN)
        #expect((inf * DoubleDouble(-2)).value == -.infinity)
        #expect((nan + one).value.isNaN && (one * nan).value.isNaN && (nan / one).value.isNaN)
        // Overflow of the leading parts gives infinity, not NaN.
        let max = DoubleDouble(Double.greatestFiniteMagnitude)
        #expect((max + max).value == .infinity)
        #expect((max * DoubleDouble(2)).value == .infinity)
        #expect(!(nan < one) && !(one < nan))
        #expect(DoubleDouble(decimalOf: .infinity).value == .infinity)
        #expect(DoubleDouble(decimalOf: .nan).value.isNaN)
    }

    @Test("division by zero and by infinity")
    func division() {
        #expect((one / DoubleDouble(0)).value == .infinity)
        #expect((DoubleDouble(-1) / DoubleDouble(0)).value == -.infinity)
        #expect((DoubleDouble(0) / DoubleDouble(0)).value.isNaN)
        #expect((one / inf).value == 0)
        #expect((inf / inf).value.isNaN)
    }

    @Test("zero keeps its IEEE sign")
    func signedZero() {
        let negativeZero = DoubleDouble(-0.0)
        #expect(negativeZero.value.sign == .minus)
        #expect((negativeZero + negativeZero).value.sign == .minus)
        #expect((negativeZero + DoubleDouble(0)).value.sign == .plus)
        #expect((one - one).value.sign == .plus)
        #expect((DoubleDouble(-1) * DoubleDouble(0)).value.sign == .minus)
        #expect((DoubleDouble(0) / DoubleDouble(-1)).value.sign == .minus)
        #expect(DoubleDouble(decimalOf: -0.0).value.sign == .minus)
    }

    @Test("square roots: NaN below zero, signed zero, infinity")
    func squareRoots() {
        #expect(DoubleDouble(-1).squareRoot().value.isNaN)
        #expect(DoubleDouble(-1e-300).squareRoot().value.isNaN)
        #expect(DoubleDouble(-0.0).squareRoot().value.sign == .minus)
        #expect(DoubleDouble(-0.0).squareRoot().value == 0)
        #expect(DoubleDouble(0).squareRoot().value == 0)
        #expect(inf.squareRoot().value == .infinity)
        #expect(DoubleDouble(-Double.infinity).squareRoot().value.isNaN)
        #expect(nan.squareRoot().value.isNaN)
        #expect(DoubleDouble(4).squareRoot().value == 2 && DoubleDouble(4).squareRoot().lo == 0)
    }
}
