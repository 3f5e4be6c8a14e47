// DealFinance — exact deal finance. DealEngine: when payments fall in their periods.

/// Whether each payment is due at the end of its period (`arrears`, ordinary annuity) or at
/// its start (`advance`, annuity due: the first payment at signing).
///
/// ```swift
/// PaymentTiming(rawValue: "advance")   // .advance
/// ```
public enum PaymentTiming: String, Sendable, Hashable, CaseIterable {
    /// End of each period; the first payment one period after the contract date.
    case arrears
    /// Start of each period; the first payment at signing.
    case advance
}
