// DealFinance — exact deal finance. _DealFuzzSupport: the invariants the fuzz targets check.
//
// Every check takes the raw fuzz input and returns nil when the invariants hold, or a message
// naming the broken invariant. The libFuzzer harnesses (Fuzz/Fuzz*/main.swift) trap on a
// message; FuzzRegressionTests replays Fuzz/corpus and Fuzz/regressions through the same checks.

import DealFinance

/// The fuzz targets' invariants, one entry point per target.
public enum FuzzChecks {
    /// The decimal parser: parse∘format is the identity (value and scale), the format
    /// re-parses, a canonical input formats back to itself, and rounding never traps.
    public static func decimal(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        // Ill-formed UTF-8 reaches the parser as replacement characters: must be rejected.
        let lossy = String(decoding: bytes, as: UTF8.self)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            if (try? ExactDecimal(parsing: lossy)) != nil { return "parsed text with ill-formed UTF-8: \(lossy.debugDescription)" }
            return nil
        }
        let value: ExactDecimal
        do { value = try ExactDecimal(parsing: text) } catch {
            if ExactDecimal(text) != nil { return "init?(_:) accepted what init(parsing:) rejected: \(text.debugDescription)" }
            return nil
        }
        let formatted = value.description
        guard let again = try? ExactDecimal(parsing: formatted) else {
            return "format does not re-parse: \(text.debugDescription) → \(formatted.debugDescription)"
        }
        guard again.coefficient == value.coefficient, again.scale == value.scale else {
            return "parse∘format is not the identity: \(text.debugDescription) → \(formatted.debugDescription)"
        }
        guard again.description == formatted else { return "format is not stable: \(formatted.debugDescription)" }
        if isCanonical(text), formatted != text {
            return "canonical text formats differently: \(text.debugDescription) → \(formatted.debugDescription)"
        }
        guard value.scale <= ExactDecimal.maximumScale, formatted.utf8.count <= 41 else {
            return "value outside the documented limits: \(formatted)"
        }
        for scale in Set([0, 1, 2, value.scale, max(0, value.scale - 1), min(38, value.scale + 1), 38]) {
            for rule in RoundingRule.allCases {
                do {
                    let rounded = try value.rounded(scale: scale, rule: rule)
                    guard rounded.scale == scale else { return "rounded(\(scale), \(rule)) has scale \(rounded.scale)" }
                    if scale >= value.scale, rounded != value { return "rounded(\(scale), \(rule)) changed \(formatted) to \(rounded)" }
                    if rule == .requireExact, rounded != value { return "requireExact changed \(formatted) to \(rounded)" }
                    guard (try? ExactDecimal(parsing: rounded.description)) == rounded else { return "rounded text does not re-parse: \(rounded)" }
                } catch {
                    if scale >= value.scale, case .overflow = error {} else if scale >= value.scale {
                        return "rounded(\(scale), \(rule)) of \(formatted) failed without rounding: \(error)"
                    }
                }
            }
        }
        return nil
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?`, and not negative zero.
    static func isCanonical(_ text: String) -> Bool {
        var digits = Substring(text)
        let negative = digits.first == "-"
        if negative { digits = digits.dropFirst() }
        let integer = digits.prefix { $0 != "." }
        if integer.count > 1 && integer.first == "0" { return false }
        if negative && digits.allSatisfy({ $0 == "0" || $0 == "." }) { return false }
        return true
    }
}
