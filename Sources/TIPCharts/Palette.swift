/// The charts' colours: the Okabe–Ito palette (Okabe and Ito 2008) for categories, a
/// sequential blue ramp for ordered ones (years, age bands), and grey for what is unknown or
/// not broken down. Diagonal hatching is kept for suppressed counts alone.
///
/// Okabe–Ito colours are distinguishable with every common colour-vision deficiency; blue and
/// orange come first, since they differ in lightness as well as hue, so the first two series
/// stay apart in greyscale print, and yellow, nearly invisible on white, comes last. The blue
/// ramp (ColorBrewer's "Blues", Brewer 2003) runs from light for the first category to dark for
/// the last, one hue, so order reads as order in any colour vision. Colour is never the only
/// cue: charts add direct labels, marker shapes, dash patterns or textures.
///
/// ```swift
/// Palette.color(0)                 // "#0072B2"
/// Palette.color(9)                 // wraps round: "#E69F00"
/// Palette.sequential(0, of: 3)     // the lightest of three blues
/// Palette.unknown                  // "#8C8C8C"
/// ```
public enum Palette {
    /// The eight colours, in series order.
    public static let okabeIto: [String] = [
        "#0072B2", // blue
        "#E69F00", // orange
        "#009E73", // bluish green
        "#D55E00", // vermillion
        "#CC79A7", // reddish purple
        "#56B4E9", // sky blue
        "#000000", // black
        "#F0E442", // yellow
    ]

    /// ColorBrewer's Blues from its fourth step to its ninth: the lighter steps are too pale
    /// against white.
    public static let blues: [String] = ["#9ECAE1", "#6BAED6", "#4292C6", "#2171B5", "#08519C", "#08306B"]

    /// The grey of an unknown or not-broken-down part: 3.4:1 against white, like a graphic
    /// should be, and no hue, so it is never read as a category.
    public static let unknown = "#8C8C8C"

    /// The colour of series `index`, wrapping round after eight.
    public static func color(_ index: Int) -> String { okabeIto[((index % 8) + 8) % 8] }

    /// The colour of ordered category `index` of `count`, light to dark along the blue ramp
    /// (interpolated in sRGB, rounded to whole channel values). Up to four categories skip the
    /// palest blue.
    public static func sequential(_ index: Int, of count: Int) -> String {
        let n = Swift.max(count, 1), i = Swift.min(Swift.max(index, 0), n - 1)
        let start = n <= 4 ? 1.0 : 0.0, end = Double(blues.count - 1)
        let t = n == 1 ? end : start + (end - start) * Double(i) / Double(n - 1)
        let k = Swift.min(Int(t), blues.count - 2), f = t - Double(k)
        let a = rgb(blues[k]), b = rgb(blues[k + 1])
        let channels = (0..<3).map { c -> Int in
            let from = Double(a[c]), to = Double(b[c])
            return Int((from + (to - from) * f).rounded())
        }
        return hex(channels)
    }

    /// The text colour with the higher WCAG contrast on a fill of `color` ("#RRGGBB"): white
    /// or near-black.
    static func ink(onColor color: String) -> String {
        // Relative luminance (WCAG 2): linearised sRGB channels weighted 0.2126, 0.7152, 0.0722.
        let c = rgb(color).map { v -> Double in
            let s = Double(v) / 255
            return s <= 0.04045 ? s / 12.92 : pow24((s + 0.055) / 1.055)
        }
        let l = 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
        let onWhite = 1.05 / (l + 0.05), onInk = (l + 0.05) / (0.0103 + 0.05)
        return onWhite >= onInk ? "#FFFFFF" : Theme.ink
    }

    /// x^2.4 for x in [0, 1], by x² · x^0.4 with x^0.4 = exp(0.4 ln x) in series: deterministic
    /// like ``Logarithm``; only the choice between two inks depends on it.
    private static func pow24(_ x: Double) -> Double {
        guard let l = Logarithm.log10(x) else { return 0 }
        let y = 0.4 * l * Logarithm.ln10
        var term = 1.0, sum = 1.0
        for k in 1...30 {
            term *= y / Double(k)
            sum += term
        }
        return x * x * sum
    }

    private static func rgb(_ color: String) -> [Int] {
        let digits = Array(color.dropFirst())
        guard digits.count == 6 else { return [0, 0, 0] }
        return (0..<3).map { Int(String(digits[2 * $0 ..< 2 * $0 + 2]), radix: 16) ?? 0 }
    }

    private static func hex(_ channels: [Int]) -> String {
        "#" + channels.map { v -> String in
            let s = String(Swift.min(Swift.max(v, 0), 255), radix: 16, uppercase: true)
            return s.count == 1 ? "0" + s : s
        }.joined()
    }
}
