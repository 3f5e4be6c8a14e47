// DealFinance — exact deal finance. DealEngine: named rounding profiles.

import DealDecimal

/// A named set of the roundings a calculation makes (Documentation/Reference/Rounding.md).
///
/// `standard`: taxes, fees, percent-based amounts and payments rounded to the minor unit half
/// up (ties away from zero); the schedule uses the rounded payment, rounds each period's
/// interest half up, and the final regular payment absorbs the residue.
///
/// ```swift
/// let profile = try RoundingProfile(named: "standard")
/// profile.payment   // .toNearestOrAway
/// ```
public struct RoundingProfile: Sendable, Hashable {
    /// The profile's name as requests spell it.
    public let name: String
    /// Rounding of the level payment.
    public let payment: RoundingRule
    /// Rounding of each period's interest in the schedule.
    public let interest: RoundingRule
    /// Rounding of taxes.
    public let tax: RoundingRule
    /// Rounding of amounts computed from a percentage (balloon percent of MSRP, …).
    public let percentAmount: RoundingRule

    /// The `standard` profile: everything half up (ties away from zero).
    public static let standard = RoundingProfile(name: "standard", payment: .toNearestOrAway, interest: .toNearestOrAway,
                                                 tax: .toNearestOrAway, percentAmount: .toNearestOrAway)

    /// Every profile by name.
    public static let all: [RoundingProfile] = [.standard]

    init(name: String, payment: RoundingRule, interest: RoundingRule, tax: RoundingRule, percentAmount: RoundingRule) {
        self.name = name
        self.payment = payment
        self.interest = interest
        self.tax = tax
        self.percentAmount = percentAmount
    }

    /// The profile called `name`.
    ///
    /// ```swift
    /// try RoundingProfile(named: "standard") == .standard   // true
    /// ```
    /// - Throws: `invalid_argument` at `rounding` for an unknown name.
    public init(named name: String) throws(DealError) {
        guard let profile = Self.all.first(where: { $0.name == name }) else {
            throw DealError.invalidArgument("rounding", "expected a rounding profile (\(Self.all.map(\.name).joined(separator: ", "))), found \"\(name)\"")
        }
        self = profile
    }
}
