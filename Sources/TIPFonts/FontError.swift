/// A font file text is measured with cannot be used. The message names the file and the Debian
/// package that installs it.
///
/// ```swift
/// "\(FontError.missing(.dejaVuSans))"
/// // "font DejaVu Sans Book not found at /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf:
/// //  install the Debian package fonts-dejavu-core (`make deps-build` does)"
/// ```
public enum FontError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file does not exist or cannot be opened.
    case missing(FontFile)
    /// FreeType cannot read the file (its error code).
    case unreadable(FontFile, freeTypeError: Int32)
    /// The file is another font than expected, or not a scalable one.
    case unexpected(FontFile, found: String)

    public var description: String {
        switch self {
        case let .missing(f):
            return "font \(f) not found at \(f.path): install the Debian package \(f.package) (`make deps-build` does)"
        case let .unreadable(f, code):
            return "font \(f) at \(f.path) cannot be read (FreeType error \(code)): reinstall the Debian package \(f.package)"
        case let .unexpected(f, found):
            return "font file \(f.path) holds \(found), not a scalable \(f): reinstall the Debian package \(f.package)"
        }
    }
}
