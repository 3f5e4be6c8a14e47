// DealFinance — exact deal finance. DealEngine: computing the lease Payment Breakdown.

import DealDecimal

extension Lease {
    /// Limits on the size of a request.
    public enum Limits {
        /// Most periods.
        public static let maximumTerm = 1200
        /// Most trade-ins.
        public static let maximumTradeIns = 10
        /// Most entries in each list.
        public static let maximumItems = 100
        /// Most tax components.
        public static let maximumTaxComponents = 5
        /// Most plain security deposits.
        public static let maximumSecurityDeposits = 10
        /// Most decimals of a money factor.
        public static let maximumMoneyFactorDecimals = 12
    }

    /// Computes every line of the lease Payment Breakdown (Documentation/Lease.md).
    ///
    /// ```swift
    /// try lease.quote().periodicPayment.total   // 503.01 for the worked example of Documentation/Reference/Lease.md
    /// ```
    /// - Throws: ``DealError``: `invalid_argument` naming the field, `unsupported` for
    ///   combinations not computed, `no_solution` when a closed form has no solution.
    public func quote(includeSchedule: Bool = false) throws(DealError) -> LeaseQuote {
        if let quote = fastQuote(includeSchedule: includeSchedule) { return quote }
        return try generalQuote(includeSchedule: includeSchedule)
    }

    /// ``quote(includeSchedule:)`` by the general pipeline (``LeaseModel``), for every lease:
    /// what ``fastQuote(includeSchedule:)`` is checked against.
    func generalQuote(includeSchedule: Bool) throws(DealError) -> LeaseQuote {
        try rounding.validate()
        guard rounding.rateBasis == .nominal else {
            throw DealError(code: .unsupported, path: "rounding.rateBasis", message: "expected rateBasis nominal for a lease (an effective annual basis applies to loans), found effectiveAnnual")
        }
        let model = try LeaseModel(self)
        var d = ExactRatio.zero, x = ExactRatio.zero
        var solved = false
        var cashTarget: Int128? = nil
        switch driveOff {
        case .downPayment:
            d = ExactRatio(model.cashDown)
        case .zeroDriveOff, .totalCash:
            solved = true
            let cash: Int128
            if case .totalCash(let value) = driveOff { cash = try model.money.amount(value, path: "totalCash") } else { cash = 0 }
            cashTarget = cash
            (d, x) = try model.solveDriveOff(cash: cash)
        }
        let result = try model.evaluate(d: d, x: x, rounded: true)
        return try model.quote(result, solved: solved, totalCash: cashTarget, includeSchedule: includeSchedule)
    }
}
