// DealFinance — exact deal finance. dealcalc: `reconcile`, printed for a desk manager.

import DealFinance
import DealJSON
import Foundation

/// The text of a reconcile answer: the lines, the conventions that explain them, the implied
/// values, the search size.
struct ReconcileReport {
    let answer: JSONValue
    init(_ answer: JSONValue) { self.answer = answer }

    func render() -> String {
        var out = ""
        let lines = answer.value(atPath: "lines")?.arrayValue ?? []
        let width = max(24, lines.compactMap { $0.value(atPath: "path")?.stringValue?.count }.max() ?? 0)
        out += "Lender's line".padded(width) + "  " + "Lender".leftPadded(14) + "  " + "Computed".leftPadded(14) + "\n"
        var matched = 0
        for line in lines {
            let ok = line.value(atPath: "matches")?.boolValue ?? false
            if ok { matched += 1 }
            out += (line.value(atPath: "path")?.stringValue ?? "").padded(width) + "  "
                + (line.value(atPath: "quoted")?.stringValue ?? "").leftPadded(14) + "  "
                + (line.value(atPath: "computed")?.stringValue ?? "—").leftPadded(14) + "  " + (ok ? "matches" : "differs") + "\n"
        }
        out += "\(matched) of \(lines.count) lines match under the request's own rounding.\n\n"
        let profiles = answer.value(atPath: "profiles")?.arrayValue ?? []
        if profiles.isEmpty {
            out += "No convention of the search reproduces every line.\n"
        } else {
            out += "Conventions that reproduce every line (fewest changes first):\n"
            for (index, profile) in profiles.enumerated() {
                let rounding = profile.value(atPath: "rounding") ?? .null
                let changes = Self.describe(rounding)
                out += "  \(index + 1). \(changes.isEmpty ? "the request's own rounding" : changes.joined(separator: "; "))\n"
                out += "     \"rounding\": \(JSONWriter(pretty: false).write(rounding))\n"
            }
        }
        let implied = answer.value(atPath: "implied")?.arrayValue ?? []
        if !implied.isEmpty {
            out += "\nOr the lender changed an input (under the request's own rounding):\n"
            for entry in implied {
                let field = entry.value(atPath: "field")?.stringValue ?? ""
                let value = entry.value(atPath: "value").map { $0.stringValue ?? $0.numberText ?? "" } ?? ""
                let reproduced = entry.value(atPath: "reproduces")?.arrayValue?.count ?? 0
                var left: [String] = []
                if let residuals = entry.value(atPath: "residuals")?.objectValue {
                    for (path, difference) in residuals {
                        if let text = difference.stringValue, let amount = Decimal(string: text), amount != 0 { left.append("\(path) \(text)") }
                    }
                }
                out += "  \(field) = \(value): reproduces \(reproduced) of \(lines.count) lines" + (left.isEmpty ? "" : " (left: \(left.joined(separator: ", ")))") + "\n"
            }
        }
        if let size = answer.value(atPath: "search.size")?.numberText, let evaluated = answer.value(atPath: "search.evaluated")?.numberText,
           let depth = answer.value(atPath: "search.maximumDepartures")?.numberText {
            out += "\nSearched \(evaluated) of \(size) conventions (at most \(depth) changes at once).\n"
        }
        return out
    }

    /// Each override of a rounding object in words.
    static func describe(_ rounding: JSONValue) -> [String] {
        guard let object = rounding.objectValue else { return [] }
        var words: [String] = []
        for (key, value) in object where key != "base" && key != "periodicRateDecimals" {
            let text = value.stringValue ?? value.numberText ?? ""
            switch key {
            case "payment": words.append("payment rounded \(text)")
            case "paymentIncrement": words.append("payment to a multiple of \(text)")
            case "periodicRate":
                let decimals = object["periodicRateDecimals"]?.numberText ?? ""
                words.append(text == "exact" ? "exact periodic rate" : "periodic rate \(text) to \(decimals) decimals")
            case "rateBasis": words.append(text == "effectiveAnnual" ? "APR as an effective annual rate" : "APR as a nominal rate")
            case "totals":
                words.append(text == "paymentTimesCount" ? "total = payments × count, no final true-up"
                             : text == "exactPaymentRoundedOnce" ? "total = count × exact payment, rounded once" : "final payment true-up")
            case "interest": words.append("schedule interest rounded \(text)")
            case "leaseBasePayment": words.append(text == "partsRounded" ? "depreciation and rent rounded separately" : "base payment rounded once")
            case "leasePaymentTax": words.append(text == "onUnroundedBase" ? "payment tax on the unrounded base" : "payment tax on the rounded base")
            case "moneyFactorDecimals": words.append("money factor rounded to \(text) decimals")
            case "tax": words.append("tax rounded \(text)")
            case "percentAmount": words.append("percent amounts rounded \(text)")
            default: words.append("\(key) \(text)")
            }
        }
        return words
    }
}

extension String {
    func padded(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
