import CFreeTypeHarfBuzz
import Synchronization

/// Text widths from real font metrics: text shaped with HarfBuzz on the fonts a figure's font
/// stack ("Helvetica, Arial, sans-serif") resolves to on Linux, and on the fallback, taking the
/// wider, so text laid out with these widths fits on every machine with the fonts installed.
///
/// Two stacks are measured and the wider result kept:
/// 1. Liberation Sans (what fontconfig substitutes for Helvetica and Arial, with their metrics),
///    falling back to DejaVu Sans for characters it lacks (Hebrew, Arabic), as Pango does;
/// 2. DejaVu Sans alone: the machine that has neither Helvetica, Arial nor Liberation Sans.
///
/// Text is cut into runs of one font and one script, each shaped as a segment (kerning,
/// ligatures and Arabic joining forms included). A character neither font has (CJK) is
/// measured without shaping, conservatively, at 1 em (CJK fonts' ideographs are 1 em; where no
/// font has the character, Pango draws a hex box narrower than that), and every emoji at 1.25 em
/// (Noto Color Emoji's advance is 1.245 em; Pango prefers it where installed); default-ignorable
/// characters (joiners, variation selectors) count nothing.
///
/// Widths are in em (multiply by the font size), sums of integer design units divided by
/// 2048: exact, and the same on every machine. Measurements are cached.
///
/// ```swift
/// let measurer = try TextMeasurer.shared()
/// measurer.width(of: "Referrals per year", size: 12)   // 112.3... px, DejaVu Sans's width
/// measurer.width(of: "漢字", size: 12)                   // 24 px: 1 em each
/// ```
public final class TextMeasurer: Sendable {
    /// The fonts' largest ascender and descender (positive, below the baseline), in em: a
    /// line's ink never reaches beyond them (for the scripts the fonts cover).
    public let ascent: Double
    public let descent: Double
    private let state: Mutex<State>

    /// The measurer over the Debian fonts (``FontFile``), loaded once per process.
    public static func shared() throws(FontError) -> TextMeasurer { try loaded.get() }

    private static let loaded = Result { () throws(FontError) -> TextMeasurer in try TextMeasurer() }

    private struct CacheKey: Hashable {
        var text: String
        var bold: Bool
    }

    private struct State {
        /// Per weight (regular, bold), the stacks measured: Liberation then DejaVu; DejaVu alone.
        var regular: [[ShapingFont]]
        var bold: [[ShapingFont]]
        let buffer = ShapingBuffer()
        var cache: [CacheKey: Double] = [:]
        var cachedBytes = 0
    }

    /// The cache is emptied when its keys hold more than this many bytes of text.
    private static let cacheLimit = 8 << 20

    init() throws(FontError) {
        let liberation = try ShapingFont(.liberationSans), liberationBold = try ShapingFont(.liberationSansBold)
        let dejaVu = try ShapingFont(.dejaVuSans), dejaVuBold = try ShapingFont(.dejaVuSansBold)
        let all = [liberation, liberationBold, dejaVu, dejaVuBold]
        ascent = all.map(\.ascender).max() ?? 1
        descent = all.map(\.descender).max() ?? 0
        state = Mutex(State(regular: [[liberation, dejaVu], [dejaVu]], bold: [[liberationBold, dejaVuBold], [dejaVuBold]]))
    }

    /// The advance width of `text` at `size` pixels: ``ems(_:bold:)`` times the size.
    public func width(of text: String, size: Double, bold: Bool = false) -> Double {
        ems(text, bold: bold) * size
    }

    /// The advance width of `text` in em: the wider of the two stacks.
    public func ems(_ text: String, bold: Bool = false) -> Double {
        guard !text.isEmpty else { return 0 }
        let key = CacheKey(text: text, bold: bold)
        return state.withLock { state in
            if let cached = state.cache[key] { return cached }
            let scalars = text.unicodeScalars.map(\.value)
            let stacks = bold ? state.bold : state.regular
            let ems = stacks.map { TextMeasurer.ems(scalars, stack: $0, buffer: state.buffer) }.max() ?? 0
            if state.cachedBytes > TextMeasurer.cacheLimit {
                state.cache.removeAll(keepingCapacity: true)
                state.cachedBytes = 0
            }
            state.cache[key] = ems
            state.cachedBytes += text.utf8.count
            return ems
        }
    }

    /// The width in em of `scalars` set in the first font of `stack` that has each character.
    /// A run continues while its font has the next character and the script stays the same;
    /// common characters (spaces, digits, punctuation) and combining ones stay in the current
    /// run when its font has them, as Pango keeps them.
    static func ems(_ scalars: [UInt32], stack: [ShapingFont], buffer: ShapingBuffer) -> Double {
        var total = 0.0
        var run: [UInt32] = []
        var runFont: Int?
        var runScript: hb_script_t?
        func flush() {
            if let f = runFont, !run.isEmpty { total += Double(stack[f].advance(run, buffer: buffer)) / stack[f].unitsPerEm }
            run.removeAll(keepingCapacity: true)
        }
        for value in scalars {
            let script = hb_unicode_script(hb_unicode_funcs_get_default(), value)
            let ignorable = Unicode.Scalar(value)?.properties.isDefaultIgnorableCodePoint ?? false
            let neutral = ignorable || script == HB_SCRIPT_COMMON || script == HB_SCRIPT_INHERITED || script == HB_SCRIPT_UNKNOWN
            if let f = runFont, stack[f].covers(value), neutral || runScript == nil || runScript == script {
                if !neutral { runScript = script }
                run.append(value)
                continue
            }
            flush()
            guard !isEmoji(value), let f = stack.firstIndex(where: { $0.covers(value) }) else {
                runFont = nil
                runScript = nil
                total += missingGlyphEms(value)
                continue
            }
            runFont = f
            runScript = neutral ? nil : script
            run.append(value)
        }
        flush()
        return total
    }

    /// Whether `value` is drawn as an emoji by default (emoji presentation, or a skin-tone
    /// modifier): Pango then prefers a colour emoji font where one is installed, whatever the
    /// stack's fonts have (DejaVu Sans has some faces at 1.04 em), so it is measured as one.
    static func isEmoji(_ value: UInt32) -> Bool {
        guard let p = Unicode.Scalar(value)?.properties else { return false }
        return p.isEmojiPresentation || p.isEmojiModifier
    }

    /// The width given to an emoji or a character no font of the stack has: nothing for a
    /// default-ignorable one, 1.25 em for an emoji, 1 em otherwise (see the type's notes).
    static func missingGlyphEms(_ value: UInt32) -> Double {
        guard let p = Unicode.Scalar(value)?.properties else { return 1 }
        if p.isDefaultIgnorableCodePoint { return 0 }
        return isEmoji(value) ? 1.25 : 1
    }
}
