/// The notes under a chart, at most two lines of them, so notes never outweigh the figure.
///
/// When every note fits in two lines, all are shown, each its own paragraph. Otherwise the
/// first line holds the leading notes that fit whole in it (or, when the first note alone is
/// longer, its first line, ending in an ellipsis), and the second line says how many notes go
/// with the figure beside it, with their full text as its tooltip (`<title>`); those notes are
/// returned (``notShown``) for the page to print.
///
/// ```swift
/// let block = NoteBlock(["A short note.", String(repeating: "A long note. ", count: 30)], width: 680)
/// block.lines          // 2
/// block.notShown       // the long note
/// ```
struct NoteBlock {
    /// The paragraphs drawn, in order; the last is the pointer when some notes are not shown.
    let paragraphs: [FittedText]
    /// The full text of the pointer's tooltip (the notes not shown), when there is a pointer.
    let tooltip: String?
    /// The notes, in full, that the figure does not show whole.
    let notShown: [String]

    static let maxLines = 2

    init(_ notes: [String], width: Double) {
        let size = Theme.footnoteSize
        let fitted = notes.map { TextMetrics.fit($0, maxWidth: width, size: size, maxLines: 200) }
        guard fitted.reduce(0, { $0 + $1.lines.count }) > NoteBlock.maxLines else {
            paragraphs = fitted
            tooltip = nil
            notShown = []
            return
        }
        // One line for whole notes, the last for the pointer.
        var shown: [FittedText] = []
        var budget = NoteBlock.maxLines - 1
        for f in fitted {
            guard f.lines.count <= budget else { break }
            shown.append(f)
            budget -= f.lines.count
        }
        var hidden = Array(notes[shown.count...])
        if shown.isEmpty, let first = notes.first {
            shown = [TextMetrics.fit(first, maxWidth: width, size: size, maxLines: 1)]
            hidden = notes
        }
        let count = hidden.count
        let pointer = count == 1 ? "1 more note goes with this figure." : "\(count) more notes go with this figure."
        paragraphs = shown + [TextMetrics.fit(pointer, maxWidth: width, size: size, maxLines: 1)]
        tooltip = hidden.joined(separator: " ")
        notShown = hidden
    }

    var lines: Int { paragraphs.reduce(0) { $0 + $1.lines.count } }
}
