/// A figure drawn: the standalone SVG, and what the page or command around it needs besides.
///
/// A figure carries at most two lines of notes, so they never outweigh the chart; notes that do
/// not fit are in ``notesNotShown`` (the figure says so in its last note line, with the full
/// text as its tooltip) for the page to print beside the image. ``warnings`` are problems with
/// the data that the figure draws as best it can (parts adding to more than a stated total),
/// for a command to print.
///
/// ```swift
/// let chart = try spec.render()
/// try write(chart.svg)
/// for note in chart.notesNotShown { page.append(note) }
/// for warning in chart.warnings { print("warning: \(warning)") }
/// ```
public struct RenderedChart: Sendable, Hashable {
    /// The standalone SVG document.
    public var svg: String
    /// Every note, in full and in order: the spec's, then those the chart adds (suppressed
    /// counts, log scales, what percentages are of).
    public var notes: [String]
    /// The notes the figure's two lines could not hold; empty when every note is in the figure.
    public var notesNotShown: [String]
    /// Problems with the data, said plainly.
    public var warnings: [String]
}
