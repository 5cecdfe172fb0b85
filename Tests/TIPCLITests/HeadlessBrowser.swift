import Foundation
import TIPTestSupport

/// Headless Chromium (Debian `chromium`) as the figure index's reader: it loads the page, and a
/// copy of the page with a measuring script reports, for every image, whether it loaded, its
/// natural size and how many of its pixels are ink (not white or transparent).
enum HeadlessBrowser {
    /// What the browser saw of one `<img>`.
    struct Image: Equatable {
        var source: String
        var complete: Bool
        var width: Int
        var height: Int
        /// Pixels darker than near-white; -1 when the image could not be read back.
        var ink: Int
    }

    static func arguments(_ profile: String) -> [String] {
        ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--user-data-dir=" + profile]
    }

    /// Loads `page` (an HTML file) in Chromium with a script added that measures every image
    /// once the page has loaded, and returns the measures. The script goes into a copy beside
    /// the page, so the page itself stays script-free and its relative image paths still work.
    static func images(of page: String) throws -> [Image] {
        let html = try String(contentsOfFile: page, encoding: .utf8)
        let probe = """
        <script>
        window.addEventListener('load', function () {
          var lines = [];
          for (var i = 0; i < document.images.length; i++) {
            var im = document.images[i], ink = -1;
            try {
              var c = document.createElement('canvas');
              c.width = im.naturalWidth; c.height = im.naturalHeight;
              var g = c.getContext('2d'); g.drawImage(im, 0, 0);
              var d = g.getImageData(0, 0, c.width, c.height).data; ink = 0;
              for (var k = 0; k < d.length; k += 4) if (d[k + 3] > 0 && (d[k] < 200 || d[k + 1] < 200 || d[k + 2] < 200)) ink++;
            } catch (e) { ink = -1; }
            lines.push([im.getAttribute('src'), im.complete, im.naturalWidth, im.naturalHeight, ink].join(' '));
          }
          var pre = document.createElement('pre'); pre.id = 'tipstat-probe'; pre.textContent = lines.join('\\n');
          document.body.appendChild(pre);
        });
        </script>
        </body>
        """
        let probePage = (page as NSString).deletingLastPathComponent + "/tipstat-probe-\(UUID().uuidString).html"
        try Data(html.replacingOccurrences(of: "</body>", with: probe).utf8).write(to: URL(fileURLWithPath: probePage))
        defer { try? FileManager.default.removeItem(atPath: probePage) }
        let profile = NSTemporaryDirectory() + "tipstat-chromium-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: profile) }
        // File pages may read each other only with --allow-file-access-from-files: the probe
        // needs it to read the images' pixels back from a canvas.
        let r = try runTool("chromium", package: "chromium", arguments: arguments(profile) + [
            "--allow-file-access-from-files", "--virtual-time-budget=15000", "--dump-dom", "file://" + probePage,
        ], separateErrors: true, timeout: 180)
        guard r.status == 0, let start = r.output.range(of: "<pre id=\"tipstat-probe\">"),
              let end = r.output.range(of: "</pre>", range: start.upperBound..<r.output.endIndex) else {
            throw BrowserError(message: "chromium exit \(r.status) without the probe's report: \(r.errors.suffix(2000))")
        }
        return r.output[start.upperBound..<end.lowerBound].split(separator: "\n").map { line in
            let f = line.split(separator: " ").map(String.init)
            return Image(source: f[0], complete: f[1] == "true", width: Int(f[2]) ?? 0, height: Int(f[3]) ?? 0, ink: Int(f[4]) ?? -1)
        }
    }

    /// Takes a screenshot of `page` `width` x `height` pixels and returns the PNG's bytes.
    static func screenshot(of page: String, width: Int, height: Int) throws -> Data {
        let profile = NSTemporaryDirectory() + "tipstat-chromium-" + UUID().uuidString
        let png = NSTemporaryDirectory() + "tipstat-screenshot-" + UUID().uuidString + ".png"
        defer {
            try? FileManager.default.removeItem(atPath: profile)
            try? FileManager.default.removeItem(atPath: png)
        }
        let r = try runTool("chromium", package: "chromium", arguments: arguments(profile) + [
            "--window-size=\(width),\(height)", "--virtual-time-budget=15000", "--screenshot=" + png, "file://" + page,
        ], separateErrors: true, timeout: 180)
        guard r.status == 0, let data = FileManager.default.contents(atPath: png) else {
            throw BrowserError(message: "chromium exit \(r.status) without a screenshot: \(r.errors.suffix(2000))")
        }
        return data
    }

    struct BrowserError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
