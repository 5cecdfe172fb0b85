import Foundation
import Testing
import TIPRender

@Suite("PNG and PDF from SVG")
struct RasterRendererTests {
    static let svg = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 120" width="300" height="120" font-family="Helvetica, Arial, sans-serif">
        <rect x="0" y="0" width="300" height="120" fill="#FFFFFF"/>
        <rect x="20" y="60" width="80" height="40" fill="#0072B2"/>
        <text x="20" y="40" font-size="20" font-weight="bold">Referrals rose</text>
        </svg>
        """

    @Test("a PNG at twice the size: the PNG signature, then an IHDR of 600 x 240")
    func png() throws {
        let bytes = try RasterRenderer.png(svg: Self.svg, scale: 2)
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // IHDR: length (4 bytes), "IHDR", width and height big-endian.
        #expect(Array(bytes[12..<16]) == Array("IHDR".utf8))
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 600 && height == 240)
    }

    @Test("a PDF with the page at 96 px to the inch, the fonts embedded, fixed dates and no clock in it")
    func pdf() throws {
        let bytes = try RasterRenderer.pdf(svg: Self.svg, title: "Referrals")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("%PDF-1."))
        // 300 x 120 px at 72/96 points per pixel.
        #expect(text.contains("/MediaBox [ 0 0 225 90 ]"))
        #expect(text.contains("/FontFile2"), "a TrueType font program is embedded")
        #expect(text.contains("LiberationSans-Bold"))
        // cairo 1.16 writes the fixed date with its punctuation removed (and without the "D:" prefix).
        #expect(text.contains("/CreationDate (20000101000000Z)") && text.contains("/ModDate (20000101000000Z)"))
        #expect(text.contains("/Title (Referrals)"))
    }

    @Test("the same SVG gives the same bytes, PNG and PDF")
    func deterministic() throws {
        #expect(try RasterRenderer.png(svg: Self.svg) == RasterRenderer.png(svg: Self.svg))
        #expect(try RasterRenderer.pdf(svg: Self.svg) == RasterRenderer.pdf(svg: Self.svg))
    }
}
