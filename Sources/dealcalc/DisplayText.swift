// DealFinance — exact deal finance. dealcalc: amounts, rates and columns as people read them.

import DealFinance
import DealJSON
import DealLeads

/// Display-only formatting shared by the tables: JSON results never carry separators or `%`.
enum DisplayText {
    /// `1234567.89` → `1,234,567.89`; text that is not a decimal comes back unchanged.
    ///
    /// ```swift
    /// DisplayText.grouped("-35278.18")   // "-35,278.18"
    /// ```
    static func grouped(_ amount: String) -> String {
        var body = Substring(amount)
        var sign = ""
        if body.hasPrefix("-") { sign = "-"; body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isNumber) else { return amount }
        var groups: [Substring] = []
        var end = whole.endIndex
        while end > whole.startIndex {
            let start = whole.index(end, offsetBy: -3, limitedBy: whole.startIndex) ?? whole.startIndex
            groups.insert(whole[start..<end], at: 0)
            end = start
        }
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        return sign + groups.joined(separator: ",") + fraction
    }

    /// A rate given as a fraction, as a percent to at most `decimals` places, half away from
    /// zero, trailing zeros dropped: `0.005` → `0.5 %`, `0.0054166666…` → `0.541667 %`.
    /// Text that is not a decimal comes back unchanged.
    static func percent(fraction: String, decimals: Int = 6) -> String {
        guard let rate = ExactDecimal(fraction),
              let scaled = try? (rate * ExactDecimal(100)).rounded(scale: decimals, rule: .toNearestOrAway) else { return fraction }
        return "\(scaled.normalized()) %"
    }

    /// `text` padded with spaces to `width`, on the left when `right` (numbers), else on the right.
    static func pad(_ text: String, _ width: Int, right: Bool) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }

    /// A report column's key as a heading: `conversionPercent` → `Conversion %`,
    /// `meanMinutes` → `Mean (min)`, `ageHours` → `Age (h)`, `leadId` → `Lead ID`, `roi` → `ROI`.
    static func heading(_ key: String) -> String {
        for (suffix, unit) in [("Percent", "%"), ("Minutes", "(min)"), ("Hours", "(h)"), ("Days", "(days)")]
        where key.hasSuffix(suffix) && key.count > suffix.count {
            return heading(String(key.dropLast(suffix.count))) + " " + unit
        }
        let special = ["leadId": "Lead ID", "roi": "ROI", "p90": "P90"]
        if let label = special[key] { return label }
        return words(key)
    }

    /// `preferredContact` → `Preferred contact`: a JSON key in words, for keys without a label.
    static func words(_ key: String) -> String {
        var result = ""
        for character in key {
            if character.isUppercase, !result.isEmpty { result += " " + character.lowercased() } else { result.append(character) }
        }
        return result.prefix(1).uppercased() + result.dropFirst()
    }
}
