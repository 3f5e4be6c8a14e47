// DealFinance — DealRequestsTests: no silent fallbacks in the computing modules.
//
// A failure — a thrown error, a conversion that did not fit, a root the exact signs did not
// confirm — must become a typed error (`overflow`, `no_solution`, `internal`, …), never a
// made-up value such as 0 or a double-precision midpoint. This test reads the sources of the
// modules that compute and fails listing every line that replaces a failure by a value.
// A default for an absent input (`tradeInEquity ?? .zero`) is not a failure and is not
// matched. A value that is the documented behaviour (a clamp, say) is listed in `intended`
// below with the doc comment and the test that state it; a listed site that is gone fails too.

import Foundation
import Testing

/// One way of turning a failure into a value, recognised on a single source line.
private struct FallbackPattern: Sendable {
    let name: String
    let matches: @Sendable (String) -> Bool
}

private let patterns: [FallbackPattern] = [
    // `(try? f()) ?? value`: the error is dropped and a value stands in for the result.
    FallbackPattern(name: "a thrown error replaced by a default (try? … ??)") { line in
        guard let attempt = line.range(of: "try?") else { return false }
        return line[attempt.upperBound...].contains("??")
    },
    // Conversions that return nil when the value does not fit, defaulted to a number.
    FallbackPattern(name: "a conversion that did not fit replaced by a number") { line in
        let conversions = [".int128Value", ".rounded(", ".decimal(significantDigits", "RateSolver.decimal(", "ExactDecimal(coefficient", ".amount(", "Int("]
        let zeros = ["?? .zero", "?? 0", "?? ExactDecimal", "?? Int128(", "?? WideInteger"]
        guard let coalesce = zeros.compactMap({ line.range(of: $0) }).first else { return false }
        let before = line[..<coalesce.lowerBound]
        return conversions.contains { before.contains($0) }
    },
    // A checked product (nil on overflow) replaced by any value, such as the unscaled factor.
    FallbackPattern(name: "an overflowing product replaced by a value") { line in
        guard let coalesce = line.range(of: "?? ") else { return false }
        let before = line[..<coalesce.lowerBound]
        return ["product(", "ReportingOverflow"].contains { before.contains($0) } && !line[coalesce.upperBound...].hasPrefix("nil")
    },
    // A double-precision midpoint reported as a result.
    FallbackPattern(name: "a double midpoint reported as the result") { line in
        let code = line.trimmingCharacters(in: .whitespaces)
        return code.hasPrefix("return") && (code.contains("midpoint") || code.contains("(mid,") || code.contains("(mid)"))
    },
]

/// Reviewed sites whose value is the documented behaviour, not a failure made into a value:
/// each names the doc comment that states it and the test that pins it. Keyed by file and the
/// exact code; each must still exist (a listed site that is gone fails the test).
private let intended: [(path: String, code: String, why: String)] = [
    ("Sources/DealLeads/Instant.swift", "return (try? CivilDate(daysSinceEpoch: days)) ?? (days < 0 ? CivilDate.firstDate : CivilDate.lastDate)",
     "Instant.utcDate: an instant outside the calendar has its nearest date (doc comment; InstantTests \"An instant outside the calendar has its nearest date\")"),
]

/// The modules whose results are numbers a caller relies on.
private let computingModules = ["DealDecimal", "DealEngine", "DealRequests", "DealFinanceC", "DealLeads", "DealJSON", "DealFinance", "dealcalc"]

private func sourcesRoot() -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")
}

/// Every matching line as `path:line: pattern: code`.
private func fallbacks(in text: String, path: String) -> [String] {
    var found: [String] = []
    // Names bound to `try? …` on an earlier line (`let value = try? f()`), so that a later
    // `value ?? .zero` is the same fallback split over two lines.
    var attempts: Set<String> = []
    // The last lines of code, for a zero returned after a loop of `try?` attempts.
    var recent: [String] = []
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let code = String(line)
        let trimmed = code.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("//") || trimmed.isEmpty { continue }
        defer { recent = Array((recent + [trimmed]).suffix(8)) }
        if ["return .zero", "return 0", "return ExactDecimal.zero", "return WideInteger.zero"].contains(trimmed),
           recent.last == "}", recent.contains(where: { $0.contains("try?") }) {
            found.append("\(path):\(index + 1): a zero returned when every try? attempt failed: \(trimmed)")
        }
        for pattern in patterns where pattern.matches(code) {
            found.append("\(path):\(index + 1): \(pattern.name): \(trimmed)")
        }
        if attempts.contains(where: { name in ["?? .zero", "?? 0", "?? ExactDecimal", "?? Int128(", "?? WideInteger"].contains { trimmed.contains("\(name) \($0)") } }) {
            found.append("\(path):\(index + 1): a thrown error replaced by a default (try? on an earlier line): \(trimmed)")
        }
        for binding in ["let ", "var "] {
            guard let start = trimmed.range(of: binding), let equals = trimmed.range(of: " = try?", range: start.upperBound..<trimmed.endIndex) else { continue }
            attempts.insert(String(trimmed[start.upperBound..<equals.lowerBound]))
        }
    }
    return found
}

@Suite("No silent fallbacks")
struct NoSilentFallbackTests {
    @Test("No line of the computing modules replaces a failure by a value")
    func none() throws {
        let root = sourcesRoot()
        var found: [String] = []
        var files = 0
        for module in computingModules {
            let directory = root.appendingPathComponent(module)
            let enumerator = try #require(FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil))
            for case let url as URL in enumerator where url.pathExtension == "swift" {
                files += 1
                let text = try String(contentsOf: url, encoding: .utf8)
                found += fallbacks(in: text, path: "Sources/\(module)/" + url.path.dropFirst(directory.path.count + 1))
            }
        }
        #expect(files > 50, "expected the sources under \(root.path)")
        let isIntended = { (line: String) in intended.contains { line.hasPrefix($0.path + ":") && line.hasSuffix(": " + $0.code) } }
        let new = found.filter { !isIntended($0) }
        #expect(new.isEmpty, "silent fallbacks (make each a typed error):\n\(new.joined(separator: "\n"))")
        let gone = intended.filter { site in !found.contains { $0.hasPrefix(site.path + ":") && $0.hasSuffix(": " + site.code) } }
        #expect(gone.isEmpty, "sites listed as intended that are gone (remove them):\n\(gone.map(\.code).joined(separator: "\n"))")
    }

    @Test("The patterns find what they are meant to", arguments: [
        ("let x = (try? a - b) ?? .zero", true),
        ("annual = (try? value * ExactDecimal(2400)) ?? value", true),
        ("return quotient.int128Value ?? 0", true),
        ("func minor(_ value: ExactRatio) -> Int128 { value.rounded(.toNearestOrAway) ?? 0 }", true),
        ("return RateSolver.decimal(mid, scale: digits, rule: .toNearestOrEven) ?? .zero", true),
        ("return bracket.midpoint", true),
        ("let v = flow.value.decimal(significantDigits: 30).map(RateSolver.double) ?? 0", true),
        ("let index = path.first.flatMap { Int($0) } ?? 0", true),
        ("while scale < 2 { c = Self.product([c, 10]) ?? c; scale += 1 }", true),
        ("let total = Self.product([a, b]) ?? Int128.max", true),
        ("let date = (try? CivilDate(daysSinceEpoch: Int(days)))?.description ?? \"1970-01-01\"", true),
        ("guard let next = Self.product([c, 10]) else { throw LeadError.invalidValue(text) }", false),
        ("let total = Self.product([a, b]) ?? nil", false),
        ("let equity = tradeInEquity ?? .zero", false),
        ("guard let value = try? parse(text) else { return nil }", false),
        ("try fields.decimal(\"fv\", absent: .zero)", false),
        ("// return midpoint", false),
        ("let value = try? f(x)\nreturn value ?? ExactDecimal.zero", true),
        ("let value = try? f(x)\nreturn value ?? fallback", false),
        ("while k > 0 {\nif let v = try? f(k) { return v }\nk -= 1\n}\nreturn .zero", true),
        ("while i >= 0 {\nif a[i] != b[i] { return 1 }\ni -= 1\n}\nreturn 0", false),
    ])
    func patterns(line: String, flagged: Bool) {
        #expect(fallbacks(in: line, path: "x.swift").isEmpty == !flagged)
    }
}
