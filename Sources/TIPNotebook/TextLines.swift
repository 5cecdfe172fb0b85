extension String {
    /// The text's lines, split at each "\n" code point (by Characters "\r\n" is one, which a
    /// split on "\n" would not see), without the empty piece after a final line end.
    var textLines: [String] {
        var lines = unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
