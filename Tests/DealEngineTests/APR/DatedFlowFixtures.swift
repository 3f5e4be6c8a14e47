// DealFinance — DealEngineTests: dated advances and payment series for the APR suites.

import DealDecimal
@testable import DealEngine

/// An advance (or a single payment) of `amount` on `when` (`"YYYY-MM-DD"`).
func advance(_ amount: String, _ when: String) -> DatedAmount {
    DatedAmount(amount: try! ExactDecimal(parsing: amount), date: try! CivilDate(parsing: when))
}

/// `count` payments of `amount` from `first` at `frequency`.
func series(_ amount: String, _ count: Int, _ first: String, _ frequency: PaymentFrequency = .monthly) -> [DatedAmount] {
    try! PaymentSeries(amount: ExactDecimal(parsing: amount), count: count, firstDate: CivilDate(parsing: first), frequency: frequency).amounts()
}
