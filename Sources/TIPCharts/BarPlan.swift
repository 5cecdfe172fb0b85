/// How the series of a bar chart are named.
enum SeriesNaming: Equatable {
    /// One series: the axis and title name it.
    case none
    /// Above the bars of the first category (grouped, vertical).
    case firstGroup
    /// At the right of the last stack (stacked, vertical).
    case rightOfLastStack
    /// In the legend, with textures.
    case legend
}

/// A bar chart laid out for a width. Bars over time get a slot per period (``BarChart/overTime``);
/// vertical bars whose labels do not fit under them turn horizontal, unless they are periods or
/// numbers, whose labels are thinned instead.
struct BarPlan: ChartPlan {
    let chart: BarChart
    let xTitle: Bool
    let yTitle: Bool
    let axis: ValueAxis
    let naming: SeriesNaming
    let left: Double
    let right: Double
    let categoryAxis: CategoryAxis
    let marks: BarMarks
    /// Whether the bars were turned horizontal because their labels did not fit under them.
    let swapsAxisTitles: Bool

    init(_ original: BarChart, width: Double, xTitle: Bool, yTitle: Bool) {
        var chart = original.overTime
        var rotated = false
        var thinning = (every: 1, phase: 0)
        if chart.orientation == .vertical {
            let (left, right) = BarPlan.verticalGutters(chart, width: width)
            let step = BandScale(count: chart.categories.count, range: (left, width - right)).step
            if !CategoryAxis.fitBelow(chart.categories, bandStep: step) {
                if chart.positions != nil || CategoryAxis.areNumbers(chart.categories) {
                    thinning = CategoryAxis.thinning(chart.categories, bandStep: step, positions: chart.positions, step: chart.step)
                } else {
                    chart.orientation = .horizontal
                    rotated = true
                }
            }
        }
        self.chart = chart
        swapsAxisTitles = rotated
        self.xTitle = rotated ? yTitle : xTitle
        self.yTitle = rotated ? xTitle : yTitle
        marks = BarMarks(chart)
        let (lo, hi) = BarPlan.valueRange(chart)
        let integer = chart.format.decimals == 0 && chart.layout != .normalized
        let format = chart.layout == .normalized ? NumberFormat.percent() : chart.format
        let scale: ValueScale = chart.isLog ? .log : .linear
        if chart.orientation == .vertical {
            (left, right) = BarPlan.verticalGutters(chart, width: width)
            axis = ValueAxis.covering(lo, hi, count: 5, integer: integer, scale: scale, format: format)
            let band = BandScale(count: chart.categories.count, range: (left, width - right))
            categoryAxis = CategoryAxis(below: chart.categories, bandStep: band.step, every: thinning.every, phase: thinning.phase)
            let nameWidth = chart.series.map { TextMetrics.width(SVGText.clean($0.name), size: Theme.labelSize, bold: true) }.max() ?? 0
            if chart.series.count <= 1 {
                naming = .none
            } else if chart.layout == .grouped {
                let slot = marks.group(band, 0).thickness / Double(chart.series.count)
                naming = nameWidth + 4 <= slot ? .firstGroup : .legend
            } else {
                naming = right > 0 ? .rightOfLastStack : .legend
            }
        } else {
            categoryAxis = CategoryAxis(left: chart.categories, maxWidth: width * 0.4)
            left = categoryAxis.width + 12
            let labelRoom = marks.maxLabelWidth(chart.format) + 10
            axis = ValueAxis.horizontal(lo, hi, length: Swift.max(width - left - labelRoom, 40), integer: integer, scale: scale, format: format)
            right = Swift.max(labelRoom, axis.overhang)
            naming = chart.series.count <= 1 ? .none : .legend
        }
    }

    /// The vertical layout's gutters: the value labels' width on the left; on the right, room
    /// for the series names beside the last stack when they fit in a quarter of the width.
    static func verticalGutters(_ chart: BarChart, width: Double) -> (left: Double, right: Double) {
        let (lo, hi) = valueRange(chart)
        let axis = ValueAxis.covering(lo, hi, count: 5, integer: chart.format.decimals == 0 && chart.layout != .normalized,
                                      scale: chart.isLog ? .log : .linear,
                                      format: chart.layout == .normalized ? .percent() : chart.format)
        let nameWidth = chart.series.map { TextMetrics.width(SVGText.clean($0.name), size: Theme.labelSize, bold: true) }.max() ?? 0
        let canStackLabel = chart.layout != .grouped && chart.series.count > 1 && !chart.categories.isEmpty
            && chart.series.allSatisfy { ($0.value(chart.categories.count - 1).extent ?? 0) > 0 }
            && nameWidth + 14 <= width * 0.25
        return (axis.labelWidth + 10, canStackLabel ? nameWidth + 14 : 0)
    }

    /// The values the axis covers: the bars' extent, and zero on a linear scale (a bar's length
    /// is its value).
    static func valueRange(_ chart: BarChart) -> (Double, Double) {
        let (lo, hi) = BarMarks(chart).extent
        return chart.isLog ? (lo, hi) : (Swift.min(lo, 0), Swift.max(hi, 0))
    }

    var legend: [LegendEntry] {
        var entries: [LegendEntry] = []
        if naming == .legend {
            entries = chart.series.enumerated().filter { _, s in s.values.contains { $0.extent != nil } }.map { j, s in
                LegendEntry(symbol: .swatch(color: chart.color(j), texture: j > 0 ? j : nil), label: s.name)
            }
        }
        return entries + Guides.estimateKey(chart.allData, .estimateBar) + Guides.suppressionKey(chart.allData)
    }

    var notes: [String] {
        Guides.suppressionNote(chart.allData) + marks.incompleteStackNote + axis.notes(bars: true) + chart.notDrawnOnLog
    }

    private var top: Double {
        guard chart.orientation == .vertical else { return 6 }
        return naming == .firstGroup ? 36 : (chart.showsValues ? 20 : 8)
    }

    private var bottom: Double { chart.orientation == .vertical ? categoryAxis.belowHeight : ValueAxis.bottomHeight }

    var minimumHeight: Double {
        let plot: Double
        if chart.orientation == .vertical {
            plot = 160
        } else {
            let perBar = chart.layout == .grouped ? Double(Swift.max(chart.series.count, 1)) * 16 : 22
            let perRow = Swift.max(perBar, Double(categoryAxis.maxLines) * Theme.labelLine) + 12
            plot = Double(chart.categories.count) * perRow + 12
        }
        return CartesianFrame.height(plot: plot, top: top, bottomAxis: bottom, xTitle: xTitle, yTitle: yTitle)
    }

    func draw(in content: Rect, _ ctx: inout RenderContext) {
        let frame = CartesianFrame(content: content, left: left, right: right, top: top, bottomAxis: bottom,
                                   xTitle: xTitle, yTitle: yTitle)
        frame.drawTitles(&ctx)
        let plot = frame.plot
        let bounds = Rect(x: content.minX, y: plot.minY - top, width: content.width, height: plot.height + top)
        if chart.orientation == .vertical {
            let scale = axis.scale((plot.maxY, plot.minY))
            let band = BandScale(count: chart.categories.count, range: (plot.minX, plot.maxX))
            axis.drawLeft(&ctx, plot: plot, scale: scale)
            categoryAxis.drawBelow(&ctx, plot: plot, band: band)
            marks.draw(&ctx, plot: plot, value: scale, band: band, naming: naming, labelBounds: bounds)
            axis.drawZero(&ctx, plot: plot, scale: scale, vertical: true)
        } else {
            let scale = axis.scale((plot.minX, plot.maxX))
            let band = BandScale(count: chart.categories.count, range: (plot.minY, plot.maxY), paddingInner: 0.3, paddingOuter: 0.15)
            axis.drawBottom(&ctx, plot: plot, scale: scale, within: content)
            categoryAxis.drawLeft(&ctx, plot: plot, band: band)
            marks.draw(&ctx, plot: plot, value: scale, band: band, naming: naming, labelBounds: bounds)
            axis.drawZero(&ctx, plot: plot, scale: scale, vertical: false)
        }
    }
}
