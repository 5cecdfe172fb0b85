/// Tick values for a linear axis in steps of 1, 2 or 5 times a power of ten, covering a data
/// range with round numbers at both ends (the "nice" ticks of d3 and R's `pretty`).
///
/// The step is the 1-2-5 number nearest (on a log scale) to span / count, so about `count`
/// intervals result; the ends are extended outward to multiples of the step. Tick values are
/// computed as integer multiples of the step, with the power of ten applied last, so 0.1 steps
/// give 0.3 and not 0.30000000000000004. No logarithm is used: the arithmetic is exact, the
/// choice identical on every platform.
///
/// Degenerate input never fails: non-finite ends become 0–1, an empty range (all values
/// equal) is widened around its value, and `integer` ticks (counts) never step below 1.
///
/// ```swift
/// NiceTicks(covering: 0, 82_992).values  // [0, 20000, 40000, 60000, 80000, 100000]
/// NiceTicks(covering: 0, 7).values       // [0, 1, 2, 3, 4, 5, 6, 7]
/// NiceTicks(covering: 0, 0, integer: true).values // [0, 1]
/// ```
public struct NiceTicks: Sendable, Hashable {
    /// The tick values, ascending; at least two.
    public let values: [Double]
    /// The distance between ticks.
    public let step: Double
    /// The decimals needed to print every tick exactly (0 for steps of 1 or more).
    public let decimals: Int

    /// The first tick: the axis starts here.
    public var lower: Double { values[0] }
    /// The last tick: the axis ends here.
    public var upper: Double { values[values.count - 1] }

    /// - Parameters:
    ///   - low: the smallest value to cover.
    ///   - high: the largest value to cover.
    ///   - count: the number of intervals wanted, roughly (at least 1).
    ///   - integer: whether ticks must be whole numbers (counts).
    public init(covering low: Double, _ high: Double, count: Int = 5, integer: Bool = false) {
        var lo = low.isFinite ? low : 0
        var hi = high.isFinite ? high : 1
        if lo > hi { swap(&lo, &hi) }
        if lo == hi {
            let pad = lo == 0 ? 1 : Swift.max(lo.magnitude / 2, integer ? 1 : 0)
            if lo >= 0 && lo - pad < 0 { hi = lo + pad } else { lo -= pad; hi += pad }
        }
        var (multiple, power) = NiceTicks.niceStep((hi - lo) / Double(Swift.max(count, 1)))
        if integer && power < 0 { (multiple, power) = (1, 0) }
        let step = NiceTicks.value(Int64(multiple), power: power)
        // Tolerance keeps a bound that is already a multiple (within rounding) from adding a step.
        let first = (lo / step + 1e-9).rounded(.down)
        let last = Swift.max((hi / step - 1e-9).rounded(.up), first + 1)
        // A range too wide to measure (beyond the largest double) or so narrow relative to its
        // magnitude that the step is lost in rounding cannot be ticked evenly: show its ends.
        guard (hi - lo).isFinite, first.magnitude < 1e15, last.magnitude < 1e15, last - first <= 1_000 else {
            self.values = [lo, hi]
            self.step = hi - lo
            self.decimals = 0
            return
        }
        self.values = (Int64(first)...Int64(last)).map { NiceTicks.value($0 * Int64(multiple), power: power) }
        self.step = step
        self.decimals = Swift.max(0, -power)
    }

    /// The 1-2-5 step nearest `raw` on a log scale, as multiple x 10^power. The cut points are
    /// the geometric means sqrt(2), sqrt(10), sqrt(50) of neighbouring steps.
    static func niceStep(_ raw: Double) -> (multiple: Int, power: Int) {
        guard raw.isFinite, raw > 0, raw.isNormal else { return (1, 0) }
        var power = 0
        var base = 1.0
        while raw >= base * 10 && power < 300 { base *= 10; power += 1 }
        while raw < base && power > -300 { power -= 1; base = value(1, power: power) }
        let error = raw / base
        if error >= 7.0710678118654755 { return (1, power + 1) }
        if error >= 3.1622776601683795 { return (5, power) }
        if error >= 1.4142135623730951 { return (2, power) }
        return (1, power)
    }

    /// n x 10^power with a single rounding: the integer times an exact power of ten, or divided
    /// by one for negative powers.
    static func value(_ n: Int64, power: Int) -> Double {
        var scale = 1.0
        for _ in 0..<power.magnitude { scale *= 10 }
        return power >= 0 ? Double(n) * scale : Double(n) / scale
    }
}
