/// A fenced code block of a CommonMark document, as the notebook reads it: the opening fence
/// (up to three spaces of indentation, then at least three backticks or tildes, then the info
/// string), the content lines, and the closing fence (the same character, at least as many,
/// nothing after but spaces). A block never closed runs to the end of the document, as
/// CommonMark says. Lines are 0-based indices into the document's lines.
///
/// ```swift
/// let blocks = FencedBlock.scan(["Text", "```tipstat", "tipstat summary", "```"])
/// blocks[0].language   // "tipstat"
/// blocks[0].content    // ["tipstat summary"]
/// ```
public struct FencedBlock: Sendable, Hashable {
    /// The line of the opening fence.
    public var openLine: Int
    /// The line of the closing fence; nil when the block runs to the end of the document.
    public var closeLine: Int?
    /// The first word of the info string: `tipstat`, `output`, `swift`...
    public var language: String
    /// The opening fence's indentation in spaces (0 to 3; a block in a list item has some).
    public var indentation: Int
    /// The opening fence's run of backticks or tildes (```` ``` ````, `~~~~`): what closes it.
    public var fence: String
    /// The content, with the opening fence's indentation removed from each line.
    public var content: [String]

    /// The line after the block.
    public var endLine: Int { (closeLine ?? (openLine + content.count)) + 1 }

    /// The fenced blocks of a document's lines, in order.
    public static func scan(_ lines: [String]) -> [FencedBlock] {
        var blocks: [FencedBlock] = []
        var i = 0
        while i < lines.count {
            guard let fence = Fence(opening: lines[i]) else { i += 1; continue }
            var content: [String] = []
            var close: Int?
            var j = i + 1
            while j < lines.count {
                if fence.isClosed(by: lines[j]) { close = j; break }
                content.append(fence.removingIndentation(lines[j]))
                j += 1
            }
            blocks.append(FencedBlock(openLine: i, closeLine: close, language: fence.language, indentation: fence.indentation,
                                      fence: String(repeating: Character(fence.character), count: fence.length), content: content))
            i = (close ?? lines.count) + 1
        }
        return blocks
    }

    /// The fence to write around `content`: three backticks, or more than the longest run of
    /// backticks at the start of a content line, so the content can never close it.
    public static func fence(for content: [String]) -> String {
        let longest = content.map { $0.unicodeScalars.drop { $0 == " " }.prefix { $0 == "`" }.count }.max() ?? 0
        return String(repeating: "`", count: Swift.max(3, longest + 1))
    }
}

/// An opening fence line, parsed.
struct Fence {
    let character: Unicode.Scalar
    let length: Int
    let indentation: Int
    let language: String

    // Lines are read by Unicode scalars, as CommonMark reads code points: by Characters, a
    // space or backtick followed by a combining mark would be one grapheme and not count
    // (the NotebookFuzz harness found an indented output line that lost its indentation so).

    init?(opening line: String) {
        let scalars = line.unicodeScalars
        let indentation = scalars.prefix { $0 == " " }.count
        guard indentation <= 3 else { return nil }
        let rest = scalars.dropFirst(indentation)
        guard let c = rest.first, c == "`" || c == "~" else { return nil }
        let length = rest.prefix { $0 == c }.count
        guard length >= 3 else { return nil }
        let info = String(String.UnicodeScalarView(rest.dropFirst(length)))
        // A backtick fence's info string may not contain a backtick (it would be inline code).
        if c == "`" && info.unicodeScalars.contains("`") { return nil }
        self.character = c
        self.length = length
        self.indentation = indentation
        self.language = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
    }

    func isClosed(by line: String) -> Bool {
        let scalars = line.unicodeScalars
        let indentation = scalars.prefix { $0 == " " }.count
        guard indentation <= 3 else { return false }
        let rest = scalars.dropFirst(indentation)
        let run = rest.prefix { $0 == character }.count
        return run >= length && rest.dropFirst(run).allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// CommonMark: each content line loses up to as many leading spaces as the fence had.
    func removingIndentation(_ line: String) -> String {
        let scalars = line.unicodeScalars
        return String(String.UnicodeScalarView(scalars.dropFirst(Swift.min(indentation, scalars.prefix { $0 == " " }.count))))
    }
}
