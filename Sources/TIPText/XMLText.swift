/// Text made safe inside XML and HTML: SVG figures, the figure index, notebook pages.
///
/// Data reach these documents from CSV files anyone can edit, so no text may become markup.
/// ``escaped(_:)`` replaces the five characters XML and HTML treat specially, `&`, `<`, `>`,
/// `"` and `'`, with references (`&#39;` rather than `&apos;`, which HTML 4 lacks): the result
/// can never open an element, close a quoted attribute (either quote), start an entity, end a
/// CDATA section (`]]>` becomes `]]&gt;`) or open a comment, in element content and in
/// attribute values alike, in XML and in HTML. ``escapedText(_:)`` replaces only `&`, `<` and
/// `>`, for text that is never an attribute value (a Markdown paragraph) and reads better
/// with its quotes as they are. Both go by Unicode scalars: by Characters, a `<` glued to a
/// combining or prepended mark ("\u{70F}<" is one Character) would slip through.
///
/// ```swift
/// XMLText.escaped(#"<a href="x">Tom & Jerry's</a>"#)
/// // "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"
/// XMLText.escapedText("1 < 2 & \"so\"")   // "1 &lt; 2 &amp; \"so\""
/// ```
public enum XMLText {
    /// Safe in element content and in single- or double-quoted attribute values.
    public static func escaped(_ text: String) -> String {
        text.replacingScalars(attributeReplacements)
    }

    /// Safe in element content only: `&`, `<` and `>` replaced, quotes kept.
    public static func escapedText(_ text: String) -> String {
        text.replacingScalars(contentReplacements)
    }

    static let contentReplacements: [Unicode.Scalar: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;"]
    static let attributeReplacements = contentReplacements.merging(["\"": "&quot;", "'": "&#39;"]) { a, _ in a }
}
