/// Splits the text of a `tipstat` block into commands and their words, as a POSIX shell would
/// for the simple cases notebooks need, without running a shell: words separated by blanks,
/// `'single'` quotes (literal), `"double"` quotes (with `\"`, `\\`, `` \` `` and `\$`
/// escapes), a backslash escaping the next character, a backslash at the end of a line joining
/// the next line, and lines starting with `#` as comments. Anything that would need a shell
/// (pipes, redirections, `;`, `&`, `$` expansions, backticks, sub-shells) is refused, so a
/// notebook can run only `tipstat` commands. Unquoted `*`, `?` and `[` mark a word as a glob
/// pattern, expanded by the runner against the notebook's folder.
///
/// ```swift
/// let cmds = try CommandWords.split(["tipstat chart bar d.csv --title 'Referrals, 2008–2016' \\", "  -o f.svg"], firstLine: 10)
/// cmds[0].words   // ["tipstat", "chart", "bar", "d.csv", "--title", "Referrals, 2008–2016", "-o", "f.svg"]
/// cmds[0].line    // 10
/// ```
public enum CommandWords {
    /// One command: its words, which of them are glob patterns, and its first line.
    public struct Command: Sendable, Hashable {
        public var words: [String]
        /// Indices of words with unquoted glob characters.
        public var globs: Set<Int>
        /// The 0-based document line the command starts on.
        public var line: Int
        /// The command as written (continuation lines joined by spaces), for messages.
        public var text: String
    }

    public struct SyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The 0-based document line.
        public var line: Int
        public var message: String
        public var description: String { message }

        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }
    }

    /// The commands of a block whose first content line is document line `firstLine`.
    public static func split(_ lines: [String], firstLine: Int) throws(SyntaxError) -> [Command] {
        var commands: [Command] = []
        var pending: (text: String, line: Int)?
        for (offset, raw) in lines.enumerated() {
            let line = firstLine + offset
            var text = Substring(raw.drop { $0 == " " || $0 == "\t" })
            if pending == nil && (text.isEmpty || text.hasPrefix("#")) { continue }
            let continues = endsWithContinuation(text)
            if continues { text.removeLast() }
            pending = pending.map { ($0.text + " " + text, $0.line) } ?? (String(text), line)
            if !continues, let p = pending {
                commands.append(try words(p.text, line: p.line))
                pending = nil
            }
        }
        if let p = pending { commands.append(try words(p.text, line: p.line)) }
        return commands
    }

    /// Whether a line ends in an unescaped backslash (an odd number of trailing backslashes).
    static func endsWithContinuation(_ line: Substring) -> Bool {
        line.reversed().prefix { $0 == "\\" }.count % 2 == 1
    }

    static func words(_ text: String, line: Int) throws(SyntaxError) -> Command {
        func fail(_ message: String) -> SyntaxError { SyntaxError(line: line, message: message) }
        var words: [String] = []
        var globs = Set<Int>()
        var current = ""
        var inWord = false
        var isGlob = false
        var chars = Array(text)[...]
        func finish() {
            if inWord {
                if isGlob { globs.insert(words.count) }
                words.append(current)
            }
            current = ""
            inWord = false
            isGlob = false
        }
        while let c = chars.popFirst() {
            switch c {
            case " ", "\t":
                finish()
            case "'":
                inWord = true
                guard let close = chars.firstIndex(of: "'") else { throw fail("a single quote is never closed") }
                current += String(chars[..<close])
                chars = chars[(close + 1)...]
            case "\"":
                inWord = true
                var closed = false
                while let d = chars.popFirst() {
                    if d == "\"" { closed = true; break }
                    if d == "\\", let next = chars.first, "\"\\`$".contains(next) {
                        current.append(next)
                        chars.removeFirst()
                    } else if d == "$" || d == "`" {
                        throw fail("\(d) inside double quotes would need a shell; notebooks run tipstat commands only (quote it with single quotes)")
                    } else {
                        current.append(d)
                    }
                }
                guard closed else { throw fail("a double quote is never closed") }
            case "\\":
                inWord = true
                guard let next = chars.popFirst() else { throw fail("a backslash ends the command") }
                current.append(next)
            case "|", ">", "<", ";", "&", "$", "`", "(", ")":
                throw fail("'\(c)' would need a shell; notebooks run tipstat commands only (quote it if it is part of a word)")
            case "*", "?", "[":
                inWord = true
                isGlob = true
                current.append(c)
            default:
                inWord = true
                current.append(c)
            }
        }
        finish()
        return Command(words: words, globs: globs, line: line, text: text)
    }
}
