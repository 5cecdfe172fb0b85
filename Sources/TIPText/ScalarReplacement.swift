extension String {
    /// The string with each code point that `replacements` names replaced by its text. Escaping
    /// must go by code points: by Characters, a `|` or `<` glued to a combining or prepended
    /// mark ("\u{70F}<" is one Character) would not be found, and would reach a Markdown or
    /// HTML reader as markup.
    ///
    /// ```swift
    /// "a|b\u{70F}<c".replacingScalars(["|": "\\|", "<": "&lt;"])   // "a\\|b\u{70F}&lt;c"
    /// ```
    public func replacingScalars(_ replacements: [Unicode.Scalar: String]) -> String {
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if let text = replacements[scalar] { out.append(contentsOf: text.unicodeScalars) } else { out.append(scalar) }
        }
        return String(out)
    }
}
