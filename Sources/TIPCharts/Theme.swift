/// The house style: sizes, colours and spacing shared by every chart. Greys are chosen for
/// contrast on white: body text #333333 (12.6:1), muted text #595959 (7:1), both above WCAG AAA
/// for small text.
enum Theme {
    static let fontFamily = "Helvetica, Arial, sans-serif"
    static let ink = "#1A1A1A"
    static let body = "#333333"
    static let muted = "#595959"
    static let grid = "#DDDDDD"
    static let axis = "#333333"
    static let band = "#EEEEEE"
    static let placeholder = "#767676"

    static let margin = 20.0
    static let titleSize = 20.0
    static let titleLine = 24.0
    static let subtitleSize = 15.0
    static let subtitleLine = 20.0
    static let labelSize = 12.0
    static let labelLine = 15.0
    static let axisTitleSize = 13.0
    static let legendSize = 13.0
    static let legendRow = 22.0
    static let footnoteSize = 12.0
    static let footnoteLine = 16.0
    static let panelTitleSize = 13.0

    /// Where a label's baseline goes so the text is centred on `y` (cap height is about 0.7 em).
    static func centredBaseline(_ y: Double, size: Double) -> Double { y + size * 0.35 }
}
