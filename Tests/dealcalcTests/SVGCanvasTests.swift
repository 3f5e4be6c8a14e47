// DealFinance — dealcalc tests: SVGCanvas (deterministic numbers, escaping, the document).
@testable import dealcalc
import Testing

@Suite("SVGCanvas")
struct SVGCanvasTests {
    @Test("prints coordinates with at most two decimals, half away from zero", arguments: [
        (12.3456, "12.35"), (3.0, "3"), (0.5, "0.5"), (0.05, "0.05"), (-1.005, "-1"), (-2.675, "-2.68"),
        (-0.001, "0"), (100.1, "100.1"), (0.125, "0.13"),
    ])
    func number(value: Double, shown: String) {
        #expect(SVGCanvas.number(value) == shown)
    }

    @Test("escapes text for XML")
    func escaping() {
        #expect(SVGCanvas.escaped(#"F&I <products> "x""#) == "F&amp;I &lt;products&gt; &quot;x&quot;")
    }

    @Test("writes a standalone document with a white background, elements in order")
    func document() {
        var canvas = SVGCanvas(width: 200, height: 100)
        canvas.rect(x: 10, y: 10, width: 50, height: -5, fill: "#1f77b4", title: "a<b")
        canvas.text("Rebates & fees", x: 1, y: 2)
        canvas.path([(0, 0), (1.5, 2.25)], stroke: "#000000")
        let svg = canvas.document()
        #expect(svg.hasPrefix(#"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100">"#))
        #expect(svg.hasSuffix("</svg>\n"))
        #expect(svg.contains(##"<rect x="0" y="0" width="200" height="100" fill="#ffffff"/>"##))
        #expect(svg.contains(##"height="0" fill="#1f77b4"><title>a&lt;b</title></rect>"##))
        #expect(svg.contains(">Rebates &amp; fees</text>"))
        #expect(svg.contains(#"d="M0 0 L1.5 2.25" fill="none""#))
        let rect = svg.range(of: "#1f77b4")!, text = svg.range(of: "Rebates")!
        #expect(rect.lowerBound < text.lowerBound)
    }
}
