// DealFinance benchmarks — the peers that compute the same rounded payment (half up to cents,
// the `standard` profile) on the same deals.

import CPeers
import DealFinance
import Foundation

/// The inputs every payment peer gets, prepared once per deal (outside the timed loop).
public struct PaymentInputs: Sendable {
    public var principal: Int64, balloon: Int64, p: Int64, q: Int64, n: Int32, advance: Bool
    /// For Foundation.Decimal: the APR and periods a year as decimals.
    public var aprDecimal: Decimal, periodsPerYear: Decimal
    /// Ours.
    public var problem: LevelPayment

    public init(_ deal: BenchDeal) {
        (principal, balloon, p, q) = (deal.principalMinor, deal.balloonMinor, deal.rateNumerator, deal.rateDenominator)
        (n, advance) = (Int32(deal.term), deal.advance)
        aprDecimal = Decimal(string: deal.apr)!
        periodsPerYear = Decimal(deal.periodsPerYear)
        problem = deal.levelPayment
    }
}

public enum Peers {
    /// Ours: the correctly rounded payment in minor units (the workload's deals are valid
    /// loans: an error is a broken workload, so it stops the benchmark).
    @inline(never)
    public static func ours(_ x: PaymentInputs) -> Int64 {
        Int64(try! x.problem.rounded(by: .toNearestOrAway).minorUnits)
    }

    /// The naive C formula in double with pow, rounded half up.
    @inline(never)
    public static func cDouble(_ x: PaymentInputs) -> Int64 {
        cpeer_double_payment_rounded(Double(x.principal), Double(x.balloon), Double(x.p), Double(x.q), x.n, x.advance ? 1 : 0)
    }

    /// GMP: the exact rational (mpq), rounded half up.
    @inline(never)
    public static func gmp(_ x: PaymentInputs) -> Int64 {
        cpeer_gmp_payment_rounded(x.principal, x.balloon, x.p, x.q, x.n, x.advance ? 1 : 0)
    }

    /// Foundation.Decimal (38 digits): i = apr/100/m, P = (A·(1+i)ⁿ − B)·i/((1+i)ⁿ − 1), rounded
    /// half up (`.plain`) to whole minor units. Returned as a Decimal (Decimal has no public
    /// exact conversion to an integer on Linux; the check converts ours to Decimal instead).
    @inline(never)
    public static func foundationDecimal(_ x: PaymentInputs) -> Decimal {
        let a = Decimal(x.principal), b = Decimal(x.balloon)
        let i = x.aprDecimal / 100 / x.periodsPerYear
        var payment: Decimal
        if i == 0 {
            payment = (a - b) / Decimal(Int(x.n))
        } else {
            let r = pow(1 + i, Int(x.n))
            payment = (a * r - b) * i / (r - 1)
            if x.advance { payment = payment / (1 + i) }
        }
        var rounded = Decimal()
        NSDecimalRound(&rounded, &payment, 0, .plain)
        return rounded
    }
}
