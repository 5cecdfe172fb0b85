/// Bars of shares of a whole, one per category, each labelled with its count and percentage
/// ("96 (46%)"): the honest replacement for a pie chart when categories are many or shares close.
///
/// Shares are of `total` when given (a stated total such as 210 referrals), otherwise of the sum
/// of the known counts. Suppressed counts show as hatched "<5" placeholders without a share;
/// zero counts keep their row.
///
/// ```swift
/// let race = ShareChart(items: [
///     ShareItem("African American/Black", 39), ShareItem("Caucasian", 55), ShareItem("Hispanic", 96),
///     ShareItem("Asian", 0), ShareItem("Multi-racial", 18), ShareItem("Other", .count(1, suppressBelow: 5)),
/// ], sortedByShare: true)
/// ```
public struct ShareChart: Sendable, Hashable {
    public var items: [ShareItem]
    /// The whole the shares are of; nil: the sum of the known counts.
    public var total: Double?
    public var format: NumberFormat
    public var percentDecimals: Int
    /// Largest share first (ties keep their order); otherwise the given order.
    public var sortedByShare: Bool

    public init(items: [ShareItem], total: Double? = nil, format: NumberFormat = .integer, percentDecimals: Int = 0,
                sortedByShare: Bool = false) {
        self.items = items
        self.total = total
        self.format = format
        self.percentDecimals = percentDecimals
        self.sortedByShare = sortedByShare
    }

    /// The items in drawing order.
    var ordered: [ShareItem] {
        guard sortedByShare else { return items }
        return items.enumerated().sorted {
            let a = $0.element.count.extent ?? -1, b = $1.element.count.extent ?? -1
            return a != b ? a > b : $0.offset < $1.offset
        }.map(\.element)
    }

    var shares: Shares { Shares(ordered, total: total, decimals: percentDecimals) }

    /// "Share bar chart. Hispanic 96, 46%; ...; total 209."
    public var dataDescription: String { "Share bar chart. " + shares.describe(format) }
}

/// A share bar chart laid out for a width.
struct SharePlan: ChartPlan {
    let chart: ShareChart
    let shares: Shares
    let xTitle: Bool
    let yTitle: Bool
    let axis: ValueAxis
    let categoryAxis: CategoryAxis
    let left: Double
    let right: Double

    init(_ chart: ShareChart, width: Double, xTitle: Bool, yTitle: Bool) {
        self.chart = chart
        self.xTitle = xTitle
        self.yTitle = yTitle
        let shares = chart.shares
        self.shares = shares
        let top = shares.items.indices.compactMap(shares.extent).max() ?? 0
        categoryAxis = CategoryAxis(left: shares.items.map(\.label), maxWidth: width * 0.35)
        left = categoryAxis.width + 12
        let labels = (shares.items.indices.map { TextMetrics.width(shares.label($0, chart.format), size: Theme.labelSize) }.max() ?? 0) + 10
        axis = ValueAxis.horizontal(0, Swift.max(top, 1), length: Swift.max(width - left - labels, 40), integer: false, scale: .linear,
                                    format: .percent())
        right = Swift.max(labels, axis.overhang)
    }

    var legend: [LegendEntry] {
        let data = chart.items.map(\.count)
        return Guides.estimateKey(data, .estimateBar) + Guides.suppressionKey(data)
    }

    var notes: [String] { Guides.suppressionNote(chart.items.map(\.count)) + shares.notes(chart.format) }

    var warnings: [String] { shares.warnings(chart.format) }

    var minimumHeight: Double {
        let perRow = Swift.max(28, Double(categoryAxis.maxLines) * Theme.labelLine + 12)
        return CartesianFrame.height(plot: Double(shares.items.count) * perRow + 8, top: 6, bottomAxis: ValueAxis.bottomHeight,
                                     xTitle: xTitle, yTitle: yTitle)
    }

    func draw(in content: Rect, _ ctx: inout RenderContext) {
        let frame = CartesianFrame(content: content, left: left, right: right, top: 6, bottomAxis: ValueAxis.bottomHeight,
                                   xTitle: xTitle, yTitle: yTitle)
        frame.drawTitles(&ctx)
        let plot = frame.plot
        let x = axis.scale((plot.minX, plot.maxX))
        let band = BandScale(count: shares.items.count, range: (plot.minY, plot.maxY), paddingInner: 0.3, paddingOuter: 0.15)
        axis.drawBottom(&ctx, plot: plot, scale: x, within: content)
        for i in shares.items.indices {
            let d = shares.items[i].count
            var end = x(0)
            if let e = shares.extent(i) {
                let color = shares.items[i].isUnknown ? Palette.unknown : Palette.color(0)
                if d.suppressionThreshold != nil {
                    let r = Rect(x: x(0), y: band.start(i), width: Swift.max(x(e) - x(0), 3), height: band.bandwidth)
                    ctx.placeholder(r)
                    end = r.maxX
                } else if e > 0 {
                    let r = Rect(x: x(0), y: band.start(i), width: x(e) - x(0), height: band.bandwidth)
                    if d.isEstimate { ctx.estimateBar(r, color: color) } else { ctx.rect(r, fill: color, mark: true) }
                    end = r.maxX
                }
            }
            ctx.text(shares.label(i, chart.format), x: end + 6, y: Theme.centredBaseline(band.center(i), size: Theme.labelSize),
                     size: Theme.labelSize, fill: d.value == nil && d.suppressionThreshold == nil ? Theme.muted : Theme.ink)
        }
        axis.drawZero(&ctx, plot: plot, scale: x, vertical: false)
        categoryAxis.drawLeft(&ctx, plot: plot, band: band)
    }
}
