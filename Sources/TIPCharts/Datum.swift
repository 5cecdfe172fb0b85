/// One value on a chart, with what is known about it: observed, an estimate (such as an
/// annualised partial year), missing, or suppressed to protect privacy.
///
/// A missing value is drawn as missing (a gap or a "no data" label), never as zero. A suppressed
/// count carries only its threshold, not its value, so the value cannot leak into the SVG or its
/// description: it is drawn as a hatched placeholder labelled "<5".
///
/// Integer, float and `nil` literals make observed and missing values:
///
/// ```swift
/// let referrals: [Datum] = [4, 30, 31, 13, nil, nil, 94, 133, .estimate(201.3)]
/// let cell = Datum.count(3, suppressBelow: 5)   // suppressed, drawn as "<5"
/// ```
public struct Datum: Sendable, Hashable, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByNilLiteral {
    public enum Status: Sendable, Hashable {
        case observed
        /// Estimated rather than counted (an annualised partial year): drawn hollow and dashed.
        case estimate
        case missing
        /// A count from 1 to `threshold` - 1, withheld.
        case suppressed(threshold: Int)
    }

    /// The value to draw; nil when missing or suppressed.
    public let value: Double?
    public let status: Status

    private init(value: Double?, status: Status) {
        self.value = value
        self.status = status
    }

    /// An observed value; nil and non-finite values (NaN, infinity) are missing.
    public init(_ value: Double?) {
        if let value, value.isFinite { self.init(value: value, status: .observed) } else { self.init(value: nil, status: .missing) }
    }

    public init(integerLiteral value: Int) { self.init(Double(value)) }
    public init(floatLiteral value: Double) { self.init(value) }
    public init(nilLiteral: ()) { self.init(nil) }

    /// An observed value (missing when not finite).
    public static func observed(_ value: Double) -> Datum { Datum(value) }

    /// An estimated value (missing when not finite).
    public static func estimate(_ value: Double) -> Datum {
        value.isFinite ? Datum(value: value, status: .estimate) : .missing
    }

    /// A value that is not known.
    public static let missing = Datum(nil)

    /// A withheld small count: all that is shown is that it lies between 1 and `threshold` - 1.
    public static func suppressed(threshold: Int) -> Datum {
        Datum(value: nil, status: .suppressed(threshold: Swift.max(threshold, 1)))
    }

    /// A count under the disclosure rule: counts from 1 to `threshold` - 1 are suppressed; zero
    /// stays visible (a true zero, such as no convictions, is the finding and identifies no
    /// one). Without a threshold the count is observed.
    ///
    /// This is primary suppression only. When a total is also shown and only one cell of it is
    /// suppressed, the cell can be recovered by subtraction: the caller must then suppress a
    /// second cell or leave the total out (secondary suppression).
    ///
    /// ```swift
    /// Datum.count(3, suppressBelow: 5)   // suppressed
    /// Datum.count(0, suppressBelow: 5)   // 0
    /// Datum.count(12, suppressBelow: 5)  // 12
    /// ```
    public static func count(_ value: Double?, suppressBelow threshold: Int?) -> Datum {
        guard let value, value.isFinite else { return .missing }
        if let threshold, value > 0, value < Double(threshold) { return .suppressed(threshold: threshold) }
        return Datum(value)
    }

    /// Whether the datum is an estimate.
    public var isEstimate: Bool { status == .estimate }

    /// The suppression threshold, when suppressed.
    public var suppressionThreshold: Int? {
        if case let .suppressed(t) = status { return t }
        return nil
    }

    /// The size a mark needs: the value, or for a suppressed count the threshold (the
    /// placeholder's size, an upper bound that reveals nothing); nil when missing.
    var extent: Double? { value ?? suppressionThreshold.map(Double.init) }

    /// The datum's label on the chart: "3,557", "est. 201.3", "<5", "no data".
    public func label(_ format: NumberFormat) -> String {
        switch status {
        case .observed: return format.string(value ?? 0)
        case .estimate: return "est. " + format.string(value ?? 0)
        case .missing: return "no data"
        case let .suppressed(t): return "<" + NumberFormat.integer.string(Double(t))
        }
    }

    /// The datum in words for the text alternative: "3,557", "201.3 (estimate)", "no data",
    /// "fewer than 5 (suppressed)".
    public func spoken(_ format: NumberFormat) -> String {
        switch status {
        case .observed: return format.string(value ?? 0)
        case .estimate: return format.string(value ?? 0) + " (estimate)"
        case .missing: return "no data"
        case let .suppressed(t): return "fewer than " + NumberFormat.integer.string(Double(t)) + " (suppressed)"
        }
    }
}
