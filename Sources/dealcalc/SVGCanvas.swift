// DealFinance — exact deal finance. dealcalc: a small deterministic SVG writer for the charts.

import Foundation

/// Collects SVG elements and writes a standalone document. Coordinates print with at most two
/// decimals and no locale, so the same input always gives the same bytes.
///
/// ```swift
/// var canvas = SVGCanvas(width: 200, height: 100)
/// canvas.rect(x: 10, y: 10, width: 50, height: 20, fill: "#1f77b4")
/// canvas.document()   // "<svg xmlns=…>…</svg>\n"
/// ```
struct SVGCanvas {
    let width: Int
    let height: Int
    private var elements: [String] = []

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        elements.append("<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>")
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, title: String? = nil) {
        let tooltip = title.map { "<title>\(Self.escaped($0))</title>" } ?? ""
        elements.append("<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(max(0, width)))\" height=\"\(Self.number(max(0, height)))\" fill=\"\(fill)\">\(tooltip)</rect>")
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1) {
        elements.append("<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\"/>")
    }

    /// A polyline (`fill` none) or a closed area (`fill` a colour).
    mutating func path(_ points: [(Double, Double)], stroke: String, fill: String = "none", width: Double = 2) {
        guard let first = points.first else { return }
        var data = "M\(Self.number(first.0)) \(Self.number(first.1))"
        for point in points.dropFirst() { data += " L\(Self.number(point.0)) \(Self.number(point.1))" }
        if fill != "none" { data += " Z" }
        elements.append("<path d=\"\(data)\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\"/>")
    }

    /// Text; `anchor` start, middle or end.
    mutating func text(_ content: String, x: Double, y: Double, size: Int = 12, anchor: String = "start", weight: String = "normal", fill: String = "#222222") {
        elements.append("<text x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" font-size=\"\(size)\" font-weight=\"\(weight)\" text-anchor=\"\(anchor)\" fill=\"\(fill)\">\(Self.escaped(content))</text>")
    }

    /// The standalone SVG document, ending with a newline.
    func document() -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">\n"
            + elements.map { "  " + $0 }.joined(separator: "\n") + "\n</svg>\n"
    }

    /// `12.3456` → `12.35`, `3.0` → `3`: at most two decimals, half away from zero.
    static func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded(.toNearestOrAwayFromZero))
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = hundredths.magnitude
        let fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(magnitude / 100)" }
        return "\(sign)\(magnitude / 100)." + (fraction < 10 ? "0\(fraction)" : (fraction % 10 == 0 ? "\(fraction / 10)" : "\(fraction)"))
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
