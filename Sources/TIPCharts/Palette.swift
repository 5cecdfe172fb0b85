/// The Okabe–Ito palette (Okabe and Ito 2008), distinguishable with every common colour-vision
/// deficiency, in the order series take it.
///
/// Blue and orange come first: they differ in lightness as well as hue, so the first two series
/// stay apart in greyscale print. Yellow, nearly invisible on white, comes last. Colour is never
/// the only cue: charts add direct labels, marker shapes, dash patterns or textures.
///
/// ```swift
/// Palette.color(0) // "#0072B2"
/// Palette.color(9) // wraps round: "#E69F00"
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

    /// The colour of series `index`, wrapping round after eight.
    public static func color(_ index: Int) -> String { okabeIto[((index % 8) + 8) % 8] }

    /// The text colour with the higher WCAG contrast on a fill of series `index`'s colour:
    /// white on blue and black, near-black on the lighter colours.
    static func ink(on index: Int) -> String {
        let i = ((index % 8) + 8) % 8
        return i == 0 || i == 6 ? "#FFFFFF" : Theme.ink
    }
}
