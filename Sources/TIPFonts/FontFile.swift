/// A font file text is measured with: its family and style, where Debian installs it and which
/// package does.
///
/// The paths are fixed rather than asked of fontconfig, so the same text gets the same width on
/// every machine with the packages installed, whatever other fonts it has: a figure's bytes
/// depend on its input and on these four files only.
///
/// ```swift
/// FontFile.liberationSans.path     // "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"
/// FontFile.dejaVuSans.package      // "fonts-dejavu-core"
/// ```
public struct FontFile: Sendable, Hashable, CustomStringConvertible {
    /// The family name the file must declare ("Liberation Sans").
    public let family: String
    /// The style name the file must declare ("Regular", "Bold"; DejaVu calls its regular "Book").
    public let style: String
    public let path: String
    /// The Debian package that installs the file.
    public let package: String

    public init(family: String, style: String, path: String, package: String) {
        self.family = family
        self.style = style
        self.path = path
        self.package = package
    }

    /// "Liberation Sans Bold".
    public var description: String { family + " " + style }

    /// Liberation Sans: the font fontconfig substitutes for Helvetica and Arial, with their
    /// advance widths (metric-compatible).
    public static let liberationSans = FontFile(family: "Liberation Sans", style: "Regular",
                                                path: "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
                                                package: "fonts-liberation")
    public static let liberationSansBold = FontFile(family: "Liberation Sans", style: "Bold",
                                                    path: "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
                                                    package: "fonts-liberation")
    /// DejaVu Sans: the sans-serif fallback where Helvetica, Arial and Liberation Sans are all
    /// missing, and the fallback for scripts Liberation Sans lacks (Hebrew, Arabic). About 14%
    /// wider than Liberation Sans for Latin text.
    public static let dejaVuSans = FontFile(family: "DejaVu Sans", style: "Book",
                                            path: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", package: "fonts-dejavu-core")
    public static let dejaVuSansBold = FontFile(family: "DejaVu Sans", style: "Bold",
                                                path: "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
                                                package: "fonts-dejavu-core")
}
