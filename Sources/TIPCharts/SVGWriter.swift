import TIPText

/// Builds SVG markup one element per line. Every attribute value and every text content goes
/// through ``SVGText/clean(_:)`` and TIPText's `XMLText.escaped(_:)` here, in one place, so no path
/// from data to output skips escaping. Element and attribute names are literals of this module.
struct SVGWriter {
    private(set) var output = ""
    private var depth = 0

    typealias Attributes = [(String, String)]

    mutating func open(_ name: String, _ attributes: Attributes = []) {
        line("<" + name + SVGWriter.render(attributes) + ">")
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        line("</" + name + ">")
    }

    /// An element without children.
    mutating func leaf(_ name: String, _ attributes: Attributes) {
        line("<" + name + SVGWriter.render(attributes) + "/>")
    }

    /// An element holding text only.
    mutating func element(_ name: String, _ attributes: Attributes = [], text: String) {
        line("<" + name + SVGWriter.render(attributes) + ">" + XMLText.escaped(SVGText.clean(text)) + "</" + name + ">")
    }

    /// Markup produced by another writer, indented to this writer's depth.
    mutating func append(_ other: SVGWriter) {
        let pad = String(repeating: "  ", count: depth)
        for l in other.output.split(separator: "\n", omittingEmptySubsequences: true) {
            output += pad + l + "\n"
        }
    }

    private mutating func line(_ s: String) {
        output += String(repeating: "  ", count: depth) + s + "\n"
    }

    private static func render(_ attributes: Attributes) -> String {
        var out = ""
        for (name, value) in attributes {
            out += " " + name + "=\"" + XMLText.escaped(SVGText.clean(value)) + "\""
        }
        return out
    }
}
