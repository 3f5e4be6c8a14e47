// DealFinance — exact deal finance. DealRequests: the bounded search for a lender's convention.

import DealDecimal
import DealEngine
import DealJSON

/// The profiles a reconcile tries: the request's own profile with at most
/// ``maximumDepartures`` of its dimensions changed, each to one of a few alternatives
/// (Documentation/MatchingALender.md, "The search").
///
/// Candidates are tried in a fixed order — fewer departures first, then by dimension and
/// alternative in the order listed — and a candidate that contains every departure of a
/// profile already found is skipped (its extra departures explain nothing), so the answer is
/// deterministic and lists only minimal explanations.
///
/// ```swift
/// let search = ProfileSearch(around: .standard, lease: false)
/// search.candidateCount   // 784
/// ```
struct ProfileSearch {
    /// One way to change one dimension.
    struct Departure {
        let dimension: Int
        let apply: (inout RoundingProfile) -> Void
    }

    /// Most dimensions changed at once.
    static let maximumDepartures = 3
    /// Decimals a rounded or truncated periodic rate is tried with.
    static let periodicRateDecimals = 4...8
    /// Decimals a rounded money factor is tried with.
    static let moneyFactorDecimals = 5...7

    let base: RoundingProfile
    /// The alternatives of each dimension (the base's own value left out).
    let dimensions: [[Departure]]

    /// `balloon`: the deal has a balloon, so its timing is a dimension; `datedLoan`: the loan has
    /// a contract date, so the counting of an odd first period is one.
    /// `taxComponents`: the tax has several components, so rounding per line or on the total
    /// is a dimension.
    init(around base: RoundingProfile, lease: Bool, balloon: Bool = false, datedLoan: Bool = false, taxComponents: Bool = false) {
        self.base = base
        var dimensions: [[(inout RoundingProfile) -> Void]] = []
        func add<Value: Equatable>(_ values: [Value], _ current: Value, _ set: @escaping (inout RoundingProfile, Value) -> Void) {
            let changes = values.filter { $0 != current }.map { value in { (profile: inout RoundingProfile) in set(&profile, value) } }
            if !changes.isEmpty { dimensions.append(changes) }
        }
        add([RoundingRule.up, .down, .toNearestOrEven], base.payment) { $0.payment = $1 }
        add([Int?.some(0)], base.paymentIncrementExponent) { $0.paymentIncrementExponent = $1 }
        if !lease {
            let rates: [RoundingProfile.PeriodicRateRule] = [.exact] + Self.periodicRateDecimals.map { .rounded(decimals: $0) }
                + Self.periodicRateDecimals.map { .truncated(decimals: $0) }
            add(rates, base.periodicRate) { $0.periodicRate = $1 }
            add(RoundingProfile.RateBasis.allCases, base.rateBasis) { $0.rateBasis = $1 }
            add(RoundingProfile.Totals.allCases, base.totals) { $0.totals = $1 }
            if balloon { add(RoundingProfile.BalloonTiming.allCases, base.balloonTiming) { $0.balloonTiming = $1 } }
            if datedLoan { add(RoundingProfile.OddDaysCounting.allCases, base.oddDaysCounting) { $0.oddDaysCounting = $1 } }
            add(RoundingProfile.interestRules, base.interest) { $0.interest = $1 }
        } else {
            add(RoundingProfile.LeaseBasePayment.allCases, base.leaseBasePayment) { $0.leaseBasePayment = $1 }
            add(RoundingProfile.LeasePaymentTax.allCases, base.leasePaymentTax) { $0.leasePaymentTax = $1 }
            add([Int?.none] + Self.moneyFactorDecimals.map { Int?.some($0) }, base.moneyFactorDecimals) { $0.moneyFactorDecimals = $1 }
        }
        add([RoundingRule.toNearestOrAway, .toNearestOrEven, .towardZero], base.tax) { $0.tax = $1 }
        if taxComponents { add(RoundingProfile.TaxLines.allCases, base.taxLines) { $0.taxLines = $1 } }
        self.dimensions = dimensions.enumerated().map { index, changes in changes.map { Departure(dimension: index, apply: $0) } }
    }

    /// Profiles in the search space (the base included).
    var candidateCount: Int {
        // Σ over subsets of at most maximumDepartures dimensions of Π alternatives.
        var byDepartures = [1] + Array(repeating: 0, count: Self.maximumDepartures)
        for changes in dimensions {
            for k in stride(from: Self.maximumDepartures, through: 1, by: -1) { byDepartures[k] += byDepartures[k - 1] * changes.count }
        }
        return byDepartures.reduce(0, +)
    }

    /// Every minimal profile for which `explains` holds, fewest departures first, with the
    /// number of candidates evaluated.
    func run(_ explains: (RoundingProfile) -> Bool) -> (found: [(profile: RoundingProfile, departures: Int)], evaluated: Int) {
        var found: [(profile: RoundingProfile, departures: Int)] = []
        var foundChoices: [[Int: Int]] = []
        var evaluated = 0
        for size in 0...Self.maximumDepartures {
            forEachChoice(size: size) { choice in
                // Skip a candidate containing every departure of one already found.
                if foundChoices.contains(where: { known in known.allSatisfy { choice[$0.key] == $0.value } }) { return }
                var profile = base
                for (dimension, alternative) in choice.sorted(by: { $0.key < $1.key }) { dimensions[dimension][alternative].apply(&profile) }
                evaluated += 1
                if explains(profile) {
                    found.append((profile, size))
                    foundChoices.append(choice)
                }
            }
        }
        return (found, evaluated)
    }

    /// Calls `body` with every choice of `size` dimensions (ascending) and an alternative of
    /// each, in lexicographic order.
    private func forEachChoice(size: Int, _ body: ([Int: Int]) -> Void) {
        func extend(_ from: Int, _ choice: [Int: Int]) {
            if choice.count == size { body(choice); return }
            guard from < dimensions.count else { return }
            for dimension in from..<dimensions.count {
                for alternative in dimensions[dimension].indices {
                    var next = choice
                    next[dimension] = alternative
                    extend(dimension + 1, next)
                }
            }
        }
        extend(0, [:])
    }
}
