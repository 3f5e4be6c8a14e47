// DealFinance — exact deal finance. DealEngine: the flows of a Regulation Z APR measured in
// unit-periods (Appendix J (b)(5)).

import DealDecimal

extension AnnualPercentageRate {
    // MARK: Measuring the flows

    func regzTerms(start: CivilDate, unit: UnitPeriod) throws(DealError) -> [Term] {
        var terms: [Term] = []
        terms.reserveCapacity(advances.count + payments.count)
        // The count to the first payment of the last series seen: later payments of a series
        // whose periods are whole months or days are that count plus their index
        // (``seriesCount(base:index:first:frequency:)``).
        var seriesBase: (first: CivilDate, frequency: PaymentFrequency, count: UnitPeriodCount)?
        // Two passes over the stored arrays, reading fields in place (no copy of each flow).
        // The previous flow's amount (same pass), for ``Term/sameAmountAsPrevious``.
        var previous: (coefficient: Int128, scale: Int)? = nil
        for pass in 0..<2 {
            let flows = pass == 0 ? advances : payments, sign = pass == 0 ? -1.0 : 1.0
            previous = nil
            for k in flows.indices {
                let count: UnitPeriodCount
                do {
                    if let series = flows[k].series, series.frequency == unit.paymentFrequency, series.first >= start {
                        if let base = seriesBase, base.first == series.first, base.frequency == series.frequency,
                           let shifted = Self.seriesCount(base: base.count, index: series.index, first: series.first, frequency: series.frequency) {
                            count = shifted
                        } else {
                            let base = try UnitPeriodCount(from: start, toPayment: 0, firstPayment: series.first, frequency: series.frequency)
                            seriesBase = (series.first, series.frequency, base)
                            if let shifted = Self.seriesCount(base: base, index: series.index, first: series.first, frequency: series.frequency) {
                                count = shifted
                            } else {
                                count = try UnitPeriodCount(from: start, toPayment: series.index, firstPayment: series.first, frequency: series.frequency)
                            }
                        }
                    } else {
                        count = try UnitPeriodCount(from: start, to: flows[k].date, unitPeriod: unit)
                    }
                } catch {
                    throw DealError.invalidArgument(flows[k].path, error.message)
                }
                let (n, d) = count.fraction
                let amount = flows[k].amount
                let same = previous.map { $0.coefficient == amount.coefficient && $0.scale == amount.scale } ?? false
                previous = (amount.coefficient, amount.scale)
                // A series repeats its amount and its fraction: the previous term's doubles are
                // the same conversions of the same numbers.
                let last = terms.last
                let value = same ? last!.amount : sign * RateSolver.double(amount)
                let fraction = last.map { $0.exact == (n, d) } ?? false ? last!.fraction : Double(n) / Double(d)
                terms.append(Term(amount: value, whole: count.wholePeriods,
                                  fraction: fraction, years: 0, exact: (n, d), sameAmountAsPrevious: same))
            }
        }
        return terms
    }

    /// The count from the start to payment `index` of a regular series, given `base`, the
    /// count to its first payment (index 0), without calendar work: payment `index` is
    /// `index` periods (whole months on the series' day, or 7 or 14 days) after the first, and
    /// Appendix J counts back from it on that same day, so `t` grows by `index` and `f` stays
    /// (for (b)(5)(iii) the day count grows by 30 per month, a multiple of the divisor). Nil
    /// where that does not hold or the old path must decide: `semimonthly` (its two days
    /// a month are not equally spaced), a negative index, or a date that might leave years
    /// 1...9999 (the counting then throws). `RegulationZTermsTests` compares it with
    /// ``UnitPeriodCount/init(from:toPayment:firstPayment:frequency:)`` on random series.
    static func seriesCount(base: UnitPeriodCount, index: Int, first: CivilDate,
                            frequency: PaymentFrequency) -> UnitPeriodCount? {
        // Each period is at most a year, so the date stays within years 1...9999.
        guard frequency != .semimonthly, index >= 0, index < 9_999 - first.year else { return nil }
        return UnitPeriodCount(shifting: base, by: index)
    }
}
