/// The bars of a ``BarChart`` and their labels, for a given plot and scales (shared by the bar
/// chart and the panels of small multiples). A label is drawn only where it clears every text
/// and mark already drawn; a value that cannot be labelled is still in the text alternative.
struct BarMarks {
    let chart: BarChart

    init(_ chart: BarChart) { self.chart = chart }

    private var vertical: Bool { chart.orientation == .vertical }

    /// Where the bars of category `i` start and how thick the group is: the band, narrowed to a
    /// readable maximum (a lone horizontal bar should not fill the plot) and centred.
    func group(_ band: BandScale, _ i: Int) -> (start: Double, thickness: Double) {
        let perBar = vertical ? 160.0 : 44.0
        let cap = chart.layout == .grouped ? perBar * Double(Swift.max(chart.series.count, 1)) * (vertical ? 1 : 0.75) : perBar
        let thickness = Swift.min(band.bandwidth, cap)
        return (band.start(i) + (band.bandwidth - thickness) / 2, thickness)
    }

    /// The smallest and largest values the bars reach (stack totals when stacked); on a log
    /// scale from the smallest positive value.
    var extent: (Double, Double) {
        switch chart.layout {
        case .normalized:
            return (0, 100)
        case .grouped:
            var values = chart.allData.compactMap(\.extent)
            if chart.isLog { values = values.filter { $0 > 0 } }
            return (values.min() ?? 0, values.max() ?? 0)
        case .stacked:
            var lo = 0.0, hi = 0.0
            for i in chart.categories.indices {
                let values = chart.series.compactMap { $0.value(i).extent }
                lo = Swift.min(lo, values.filter { $0 < 0 }.reduce(0, +))
                hi = Swift.max(hi, values.filter { $0 > 0 }.reduce(0, +))
            }
            return (lo, hi)
        }
    }

    /// The widest end-of-bar label, for the gutter of horizontal bars.
    func maxLabelWidth(_ format: NumberFormat) -> Double {
        guard chart.showsValues else { return 0 }
        let labels: [String]
        switch chart.layout {
        case .grouped: labels = chart.allData.map { $0.label(format) }
        case .stacked: labels = chart.categories.indices.map { stackTotalLabel($0) ?? "+ no data" }
        case .normalized: labels = []
        }
        return labels.map { TextMetrics.width($0, size: Theme.labelSize) }.max() ?? 0
    }

    /// The note for stacks that lack some of their values.
    var incompleteStackNote: [String] {
        guard chart.layout != .grouped else { return [] }
        var missing: [String] = []
        for (i, category) in chart.categories.enumerated() {
            let names = chart.series.filter { $0.value(i).status == .missing }.map { SVGText.clean($0.name) }
            if !names.isEmpty && names.count < chart.series.count {
                missing.append(names.joined(separator: ", ") + " in " + SVGText.clean(category))
            }
        }
        guard !missing.isEmpty else { return [] }
        let shown = chart.layout == .stacked ? "stacks marked \u{201C}+ no data\u{201D} show only the known values"
            : "shares cannot be computed without every part"
        return ["No data for " + missing.joined(separator: "; ") + ": " + shown + "."]
    }

    /// The label over a stack: its total, when every part is known.
    private func stackTotalLabel(_ i: Int) -> String? {
        let data = chart.series.map { $0.value(i) }
        guard data.allSatisfy({ $0.value != nil }) else { return nil }
        let total = data.compactMap(\.value).reduce(0, +)
        return (data.contains(where: \.isEstimate) ? "est. " : "") + chart.format.string(total)
    }

    /// A bar from value `a` to `b` across the band from `start`, `thickness` wide; at least
    /// `minimum` pixels long, so a suppressed count's placeholder never vanishes.
    private func barRect(_ value: AxisScale, start: Double, thickness: Double, from a: Double, to b: Double, minimum: Double = 0) -> Rect {
        var p = value(a), q = value(b)
        if abs(p - q) < minimum { q = p + (q < p || (q == p && vertical) ? -minimum : minimum) }
        if p > q { swap(&p, &q) }
        return vertical ? Rect(x: start, y: p, width: thickness, height: q - p) : Rect(x: p, y: start, width: q - p, height: thickness)
    }

    /// The spot for a label at the outer end of a bar ending at `end` (pixels), across the band at `mid`.
    private func endSpot(end: Double, mid: Double, negative: Bool) -> LabelSpot {
        if vertical {
            return negative ? LabelSpot(x: mid, y: end + 3 + TextMetrics.ascent(Theme.labelSize), anchor: .middle)
                : LabelSpot(x: mid, y: end - 3 - TextMetrics.descent(Theme.labelSize), anchor: .middle)
        }
        return LabelSpot(x: negative ? end - 6 : end + 6, y: Theme.centredBaseline(mid, size: Theme.labelSize), anchor: negative ? .end : .start)
    }

    /// "no data" at the base of a missing bar (or across a whole missing group), turned
    /// upright when the slot is too narrow.
    private func missingLabel(_ ctx: inout RenderContext, value: AxisScale, mid: Double, thickness: Double) {
        let text = "no data"
        let base = value(value.baseline)
        if !vertical {
            ctx.text(text, x: base + 6, y: Theme.centredBaseline(mid, size: 11), size: 11, fill: Theme.muted)
        } else if TextMetrics.width(text, size: 11) <= thickness + 4 {
            ctx.text(text, x: mid, y: base - 6, size: 11, anchor: .middle, fill: Theme.muted)
        } else {
            ctx.text(text, x: mid + 4, y: base - 6, size: 11, fill: Theme.muted, rotate: -90)
        }
    }

    func draw(_ ctx: inout RenderContext, plot: Rect, value: AxisScale, band: BandScale, naming: SeriesNaming, labelBounds: Rect) {
        let textured = naming == .legend
        switch chart.layout {
        case .grouped: drawGrouped(&ctx, value: value, band: band, naming: naming, textured: textured, bounds: labelBounds)
        case .stacked, .normalized:
            drawStacked(&ctx, plot: plot, value: value, band: band, naming: naming, textured: textured, bounds: labelBounds)
        }
    }

    private func drawGrouped(_ ctx: inout RenderContext, value: AxisScale, band: BandScale, naming: SeriesNaming, textured: Bool,
                             bounds: Rect) {
        let n = Swift.max(chart.series.count, 1)
        let slot = group(band, 0).thickness / Double(n)
        let thickness = n > 1 ? slot * 0.9 : slot
        // Value labels on vertical bars only when the widest clears its neighbours' by 4 px.
        let widest = chart.allData.map { TextMetrics.width($0.label(chart.format), size: Theme.labelSize) }.max() ?? 0
        let labelled = chart.showsValues && (!vertical || widest + 4 <= (n > 1 ? slot : band.step))
        var labels: [(text: String, spot: LabelSpot, bold: Bool)] = []
        for i in chart.categories.indices {
            let (groupStart, groupThickness) = group(band, i)
            if chart.series.allSatisfy({ $0.value(i).status == .missing }) {
                missingLabel(&ctx, value: value, mid: groupStart + groupThickness / 2, thickness: groupThickness)
                continue
            }
            for (j, s) in chart.series.enumerated() {
                let d = s.value(i)
                let start = groupStart + Double(j) * slot + (slot - thickness) / 2
                let mid = start + thickness / 2
                var labelEnd = value(value.baseline)
                if let extent = d.extent, value.canDraw(extent) {
                    let suppressed = d.suppressionThreshold != nil
                    let r = barRect(value, start: start, thickness: thickness, from: value.baseline, to: extent, minimum: suppressed ? 3 : 0)
                    switch d.status {
                    case .observed: ctx.bar(r, color: chart.color(j), texture: textured ? ctx.textureFill(j) : nil)
                    case .estimate: ctx.estimateBar(r, color: chart.color(j))
                    default: ctx.placeholder(r)
                    }
                    labelEnd = vertical ? (extent < value.baseline ? r.maxY : r.minY) : (extent < value.baseline ? r.minX : r.maxX)
                    if labelled || suppressed {
                        labels.append((d.label(chart.format), endSpot(end: labelEnd, mid: mid, negative: extent < value.baseline), false))
                    }
                } else if d.status == .missing || d.extent != nil {
                    missingLabel(&ctx, value: value, mid: mid, thickness: thickness)
                }
                if naming == .firstGroup && i == 0 {
                    let above = labelled || d.extent == nil || d.suppressionThreshold != nil ? 21.0 : 6.0
                    labels.append((s.name, LabelSpot(x: mid, y: labelEnd - above, anchor: .middle), true))
                }
            }
        }
        // Labels after every bar, so none is placed where a later bar stands.
        for l in labels { ctx.placeLabel(l.text, at: [l.spot], within: bounds, bold: l.bold, fill: l.bold ? Theme.ink : Theme.body) }
    }

    private func drawStacked(_ ctx: inout RenderContext, plot: Rect, value: AxisScale, band: BandScale, naming: SeriesNaming,
                             textured: Bool, bounds: Rect) {
        let normalized = chart.layout == .normalized
        var lastCentres: [Double] = []
        var totals: [(text: String, spot: LabelSpot, fill: String, bold: Bool)] = []
        for i in chart.categories.indices {
            let data = chart.series.map { $0.value(i) }
            let total = data.compactMap(\.extent).map(abs).reduce(0, +)
            let (start, thickness) = group(band, i)
            let mid = start + thickness / 2
            if data.allSatisfy({ $0.status == .missing }) || (normalized && (data.contains { $0.status == .missing } || total == 0)) {
                missingLabel(&ctx, value: value, mid: mid, thickness: thickness)
                continue
            }
            // With a suppressed part the total is unknown, so parts are labelled with counts, not shares.
            let percentLabels = normalized && !data.contains { $0.suppressionThreshold != nil }
            var up = 0.0, down = 0.0
            lastCentres = []
            for (j, d) in data.enumerated() {
                guard var extent = d.extent else { lastCentres.append(.nan); continue }
                if normalized { extent = abs(extent) / total * 100 }
                let from = extent >= 0 ? up : down
                let to = from + extent
                if extent >= 0 { up = to } else { down = to }
                let r = barRect(value, start: start, thickness: thickness, from: from, to: to)
                let markID: String
                switch d.status {
                case .observed: markID = ctx.bar(r, color: chart.color(j), texture: textured ? ctx.textureFill(j) : nil)
                case .estimate: markID = ctx.estimateBar(r, color: chart.color(j))
                default: markID = ctx.placeholder(r)
                }
                let centre = (value(from) + value(to)) / 2
                lastCentres.append(centre)
                // The value inside its segment when it fits.
                let text = percentLabels ? NumberFormat.percent().string(extent) : d.label(chart.format)
                let tw = TextMetrics.width(text, size: Theme.labelSize)
                let fits = vertical ? r.height >= 16 && tw <= r.width - 4 : r.width >= tw + 8 && r.height >= 14
                if chart.showsValues && fits {
                    // Light text on dark solid fills; dark text with a white halo on textures and placeholders.
                    let solid = d.status == .observed && (j == 0 || !textured)
                    let ink = solid ? Palette.ink(onColor: chart.color(j)) : Theme.ink
                    let (tx, ty) = vertical ? (mid, centre) : (centre, mid)
                    ctx.text(text, x: tx, y: Theme.centredBaseline(ty, size: Theme.labelSize), size: Theme.labelSize,
                             anchor: .middle, fill: ink, halo: !solid, id: markID + "-inside")
                }
            }
            guard !normalized && chart.showsValues else { continue }
            let end = value(up)
            if let totalText = stackTotalLabel(i) {
                totals.append((totalText, endSpot(end: end, mid: mid, negative: false), Theme.ink, true))
            } else if data.contains(where: { $0.status == .missing }) {
                totals.append(("+ no data", endSpot(end: end, mid: mid, negative: false), Theme.muted, false))
            }
        }
        for t in totals { ctx.placeLabel(t.text, at: [t.spot], within: bounds, bold: t.bold, fill: t.fill) }
        if naming == .rightOfLastStack {
            let ys = LabelSpread.spread(lastCentres.map { $0.isNaN ? plot.maxY : $0 }, gap: Theme.labelLine,
                                        low: plot.minY, high: plot.maxY)
            for (j, s) in chart.series.enumerated() {
                ctx.text(s.name, x: plot.maxX + 8, y: Theme.centredBaseline(ys[j], size: Theme.labelSize), size: Theme.labelSize,
                         bold: true, fill: Theme.ink)
            }
        }
    }
}
