import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What a parsed SVG contains, for checks that must not depend on how the text happens to look:
/// every element name, every attribute, and the text of each `<text>` and `<title>`.
final class SVGAudit: NSObject, XMLParserDelegate {
    private(set) var elements: [String] = []
    private(set) var attributes: [(element: String, name: String, value: String)] = []
    private(set) var texts: [(element: String, attributes: [String: String], text: String)] = []
    private(set) var parseError: String?
    private var stack: [(String, [String: String], String)] = []

    /// The element names an SVG from this module may use.
    static let allowedElements: Set<String> = ["svg", "title", "desc", "defs", "pattern", "rect", "line", "path", "g", "text"]

    init(_ svg: String) {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        if !parser.parse() { parseError = parser.parserError.map { "\($0)" } ?? "parse failed" }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(name)
        for (k, v) in attributes.sorted(by: { $0.key < $1.key }) { self.attributes.append((name, k, v)) }
        stack.append((name, attributes, ""))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if !stack.isEmpty { stack[stack.count - 1].2 += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard let (element, attributes, text) = stack.popLast() else { return }
        if element == "text" || element == "title" || element == "desc" { texts.append((element, attributes, text)) }
    }

    /// Problems that would let a figure run code or reach outside itself; empty when safe.
    var safetyProblems: [String] {
        var problems: [String] = []
        if let parseError { problems.append("does not parse: \(parseError)") }
        for e in elements where !SVGAudit.allowedElements.contains(e) { problems.append("element <\(e)>") }
        for a in attributes {
            if a.name.lowercased().hasPrefix("on") { problems.append("event attribute \(a.name) on <\(a.element)>") }
            if a.name.lowercased().contains("href") { problems.append("reference attribute \(a.name) on <\(a.element)>") }
            if a.value.contains("url(") && a.value.range(of: #"^url\(#[a-z0-9-]+\)$"#, options: .regularExpression) == nil {
                problems.append("external or malformed url() in \(a.name)=\(a.value)")
            }
            if a.name == "style" { problems.append("style attribute on <\(a.element)>") }
        }
        return problems
    }
}
