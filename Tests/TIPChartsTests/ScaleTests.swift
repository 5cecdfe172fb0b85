import Testing
@testable import TIPCharts

@Suite("Scales and nice ticks")
struct ScaleTests {
    @Test("the demand model's 0–82,992 gets steps of 20,000 up to 100,000")
    func demandDomain() {
        let t = NiceTicks(covering: 0, 82_992)
        #expect(t.values == [0, 20_000, 40_000, 60_000, 80_000, 100_000])
        #expect(t.step == 20_000 && t.decimals == 0)
    }

    @Test("0–7 counts get every whole number", arguments: [true, false])
    func smallCounts(integer: Bool) {
        #expect(NiceTicks(covering: 0, 7, integer: integer).values == [0, 1, 2, 3, 4, 5, 6, 7])
    }

    @Test("steps are 1, 2 or 5 times a power of ten, nearest on a log scale")
    func oneTwoFive() {
        #expect(NiceTicks(covering: 0, 202).values == [0, 50, 100, 150, 200, 250])
        #expect(NiceTicks(covering: 0, 3557).values == [0, 1000, 2000, 3000, 4000])
        #expect(NiceTicks(covering: 0, 10, count: 4).values == [0, 2, 4, 6, 8, 10])
        #expect(NiceTicks(covering: 2008, 2016, count: 8).values == Array(stride(from: 2008.0, through: 2016, by: 1)))
        #expect(NiceTicks(covering: -35, 48).values == [-40, -20, 0, 20, 40, 60])
        for (raw, expected) in [(1.0, (1, 0)), (1.5, (2, 0)), (3.2, (5, 0)), (7.1, (1, 1)), (0.003, (2, -3)), (14_000, (1, 4))] {
            let s = NiceTicks.niceStep(raw)
            #expect(s.multiple == expected.0 && s.power == expected.1, "\(raw)")
        }
    }

    @Test("decimal steps print exactly: 0.1 steps give 0.3, not 0.30000000000000004")
    func decimalSteps() {
        let t = NiceTicks(covering: 0, 0.5)
        #expect(t.values == [0, 0.1, 0.2, 0.3, 0.4, 0.5])
        #expect(t.decimals == 1)
        #expect(ValueAxis(t, format: .integer).labels == ["0", "0.1", "0.2", "0.3", "0.4", "0.5"])
        #expect(NiceTicks(covering: 0.001, 0.0042).values == [0.001, 0.0015, 0.002, 0.0025, 0.003, 0.0035, 0.004, 0.0045])
    }

    @Test("integer ticks never step below 1")
    func integerTicks() {
        #expect(NiceTicks(covering: 0, 2, integer: true).values == [0, 1, 2])
        #expect(NiceTicks(covering: 0, 2).values == [0, 0.5, 1, 1.5, 2])
    }

    @Test("degenerate domains give two or more finite ticks, never NaN or a crash")
    func degenerate() {
        let cases: [(Double, Double)] = [(0, 0), (5, 5), (-3, -3), (.nan, .nan), (.infinity, 1), (0, .infinity),
                                         (1e-300, 1e-300), (1e15, 1e15 + 1), (7, 2), (-1e308, 1e308),
                                         (1.7e308, 1.7e308), (.leastNonzeroMagnitude, 2 * .leastNonzeroMagnitude)]
        for (lo, hi) in cases {
            for integer in [true, false] {
                let t = NiceTicks(covering: lo, hi, integer: integer)
                #expect(t.values.count >= 2, "\(lo)...\(hi)")
                #expect(t.values.allSatisfy(\.isFinite) || lo.magnitude > 1e307, "\(lo)...\(hi): \(t.values)")
                #expect(t.lower <= Swift.min(lo.isFinite ? lo : 0, hi.isFinite ? hi : 0) || lo.magnitude > 1e307, "\(lo)...\(hi)")
            }
        }
        #expect(NiceTicks(covering: 0, 0).values == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(NiceTicks(covering: 0, 0, integer: true).values == [0, 1])
        #expect(NiceTicks(covering: 7, 2).values == NiceTicks(covering: 2, 7).values)
        // A single non-zero value is widened around itself.
        let single = NiceTicks(covering: 5, 5)
        #expect(single.lower < 5 && single.upper > 5)
    }

    @Test("bars start at zero: the scale includes zero for positive and negative data")
    func zeroBased() {
        let up = LinearScale.nice(low: 94, high: 202, integer: true, range: (400, 100))
        #expect(up.domain.lower == 0 && up.domain.upper == 250)
        #expect(up(0) == 400 && up(250) == 100 && up(125) == 250)
        let down = LinearScale.nice(low: -12, high: -3, range: (0, 100))
        #expect(down.domain.upper == 0)
    }

    @Test("a degenerate scale maps every value to the middle of its range")
    func degenerateScale() {
        let s = LinearScale(domain: (3, 3), range: (0, 100), ticks: NiceTicks(covering: 0, 1))
        #expect(s(3) == 50 && s(.nan) == 50)
        let t = LinearScale(ticks: NiceTicks(covering: 0, 10), range: (0, 100))
        #expect(t(.infinity) == 50)
        #expect(t.clamped(12) == 10 && t.clamped(-1) == 0)
    }

    @Test("band scale: bands and gaps fill the range exactly")
    func bands() {
        let b = BandScale(count: 4, range: (0, 100), paddingInner: 0.2, paddingOuter: 0.1)
        #expect(abs(b.start(0) - b.step * 0.1) < 1e-12)
        #expect(abs(b.start(3) + b.bandwidth + b.step * 0.1 - 100) < 1e-12)
        #expect(abs(b.bandwidth - b.step * 0.8) < 1e-12)
        #expect(b.center(1) == b.start(1) + b.bandwidth / 2)
        let empty = BandScale(count: 0, range: (0, 100))
        #expect(empty.step.isFinite && empty.bandwidth.isFinite)
    }

    @Test("labels spread apart in order, inside their bounds")
    func labelSpread() {
        #expect(LabelSpread.spread([50, 52, 54], gap: 10, low: 0, high: 100) == [50, 60, 70])
        #expect(LabelSpread.spread([95, 98], gap: 10, low: 0, high: 100) == [90, 100])
        #expect(LabelSpread.spread([30, 10], gap: 5, low: 0, high: 100) == [30, 10])
        #expect(LabelSpread.spread([], gap: 5, low: 0, high: 1) == [])
    }

    @Test("sine and cosine agree with the platform's to 1e-14 over several turns")
    func trig() {
        var x = -20.0
        while x < 20 {
            let (s, c) = Trig.sinCos(x)
            #expect(abs(s - _sin(x)) < 1e-14 && abs(c - _cos(x)) < 1e-14, "\(x)")
            x += 0.173
        }
        #expect(Trig.sinCos(.nan) == (0, 1))
    }
}

// The platform's functions, for comparison only (the module avoids them for determinism).
#if canImport(Glibc)
import Glibc
private func _sin(_ x: Double) -> Double { Glibc.sin(x) }
private func _cos(_ x: Double) -> Double { Glibc.cos(x) }
#else
import Darwin
private func _sin(_ x: Double) -> Double { Darwin.sin(x) }
private func _cos(_ x: Double) -> Double { Darwin.cos(x) }
#endif
