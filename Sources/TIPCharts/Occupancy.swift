/// What a chart has drawn where, so a label can be placed clear of it: the boxes of texts and
/// of marks such as bars and points, and the strokes of lines, whiskers and reference lines.
///
/// ``RenderContext`` records every text and data mark as it draws them (a path's segments are
/// recorded by the chart that knows them); ``isFree(_:padding:)`` tells whether a box touches
/// none. Gridlines, axes and backgrounds are not recorded: labels may cross them.
///
/// ```swift
/// var o = Occupancy()
/// o.add(Rect(x: 0, y: 0, width: 10, height: 10))
/// o.addSegment(x1: 0, y1: 50, x2: 100, y2: 50, width: 2)
/// o.isFree(Rect(x: 20, y: 20, width: 10, height: 10))   // true
/// o.isFree(Rect(x: 20, y: 45, width: 10, height: 10))   // false: the line runs through it
/// ```
struct Occupancy {
    /// A stroke from one point to another, `width` wide.
    struct Segment {
        var x1, y1, x2, y2, width: Double
    }

    private(set) var boxes: [Rect] = []
    private(set) var segments: [Segment] = []

    mutating func add(_ box: Rect) { boxes.append(box) }

    mutating func addSegment(x1: Double, y1: Double, x2: Double, y2: Double, width: Double) {
        segments.append(Segment(x1: x1, y1: y1, x2: x2, y2: y2, width: width))
    }

    /// Whether `box`, grown by `padding` on every side, touches no recorded box or stroke.
    func isFree(_ box: Rect, padding: Double = 1) -> Bool {
        let b = box.inset(top: -padding, right: -padding, bottom: -padding, left: -padding)
        for r in boxes where r.minX < b.maxX && b.minX < r.maxX && r.minY < b.maxY && b.minY < r.maxY { return false }
        for s in segments where Occupancy.crosses(s, b) { return false }
        return true
    }

    /// Whether segment `s`, thickened by half its width, meets `box`: the segment clipped to
    /// the box grown by that half width (Liang–Barsky) is not empty.
    static func crosses(_ s: Segment, _ box: Rect) -> Bool {
        let h = s.width / 2
        let minX = box.minX - h, maxX = box.maxX + h, minY = box.minY - h, maxY = box.maxY + h
        let dx = s.x2 - s.x1, dy = s.y2 - s.y1
        var t0 = 0.0, t1 = 1.0
        // Each side of the box bounds t from one end: p t <= q.
        for (p, q) in [(-dx, s.x1 - minX), (dx, maxX - s.x1), (-dy, s.y1 - minY), (dy, maxY - s.y1)] {
            if p == 0 {
                if q < 0 { return false }
            } else {
                let r = q / p
                if p < 0 { t0 = Swift.max(t0, r) } else { t1 = Swift.min(t1, r) }
                if t0 > t1 { return false }
            }
        }
        return true
    }
}

/// Where a label may go: its anchor point (baseline) and how it hangs from it.
struct LabelSpot: Hashable {
    var x: Double
    var y: Double
    var anchor: TextAnchor
}
