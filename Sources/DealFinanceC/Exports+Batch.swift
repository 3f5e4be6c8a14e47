// DealFinance — exact deal finance. DealFinanceC: the portfolio batches dfin_loan_quote_batch,
// dfin_lease_quote_batch and dfin_calculate_batch.
//
// These Swift functions are not Swift API; the C declarations in include/dealfinance.h are.

import CDealFinance
import DealFinance
import DealJSON

/// `dfin_loan_quote_batch`: loan columns → loan quote columns, row by row through
/// `RetailLoan.quote()` (the JSON request's own engine call).
@c(dfin_loan_quote_batch)
public func dfinLoanQuoteBatch(_ out: UnsafePointer<dfin_loan_results>?, _ input: UnsafePointer<dfin_loan_columns>?,
                               _ count: UInt) -> Int32 {
    guard count > 0 else { return Status.ok }
    guard let out = out?.pointee, let columns = input?.pointee else { return Status.nullArgument }
    guard let payments = out.payment, let statuses = out.status,
          columns.selling_price != nil, columns.apr != nil, columns.term != nil else { return Status.nullArgument }
    guard count <= UInt(Int.max) else { return Status.invalidArgument }
    let batch: LoanBatch
    do { batch = try LoanBatch(columns) } catch { return error.status }
    var first = Status.ok
    // One deal value for the whole batch, refilled row by row: its one-element lists are
    // overwritten in place, so a row allocates no list.
    var loan = RetailLoan(sellingPrice: .zero, apr: .zero, term: 0)
    for row in 0..<Int(count) {
        do throws(ExportFailure) {
            let quote: LoanQuote
            do {
                try batch.fill(&loan, row)
                quote = try loan.quote()
            } catch { throw ExportFailure(error) }
            let digits = batch.currency.minorUnitDigits
            let payment = try BatchColumns.minorUnits(quote.periodicPayment.total, digits: digits)
            let final = try BatchColumns.minorUnits(quote.finalPayment, digits: digits)
            let financed = try BatchColumns.minorUnits(quote.amountFinanced, digits: digits)
            let charge = try BatchColumns.minorUnits(quote.financeCharge, digits: digits)
            let total = try BatchColumns.minorUnits(quote.totalOfPayments, digits: digits)
            var apr: Int64 = -1
            if out.apr != nil, let disclosure = try? quote.annualPercentageRate() {
                apr = try BatchColumns.minorUnits(disclosure.aprDisclosed, digits: Int(DFIN_BATCH_APR_SCALE))
            }
            payments[row] = payment
            out.final_payment?[row] = final
            out.amount_financed?[row] = financed
            out.finance_charge?[row] = charge
            out.total_of_payments?[row] = total
            out.apr?[row] = apr
            statuses[row] = Status.ok
        } catch {
            payments[row] = 0
            out.final_payment?[row] = 0
            out.amount_financed?[row] = 0
            out.finance_charge?[row] = 0
            out.total_of_payments?[row] = 0
            out.apr?[row] = 0
            statuses[row] = error.status
            if first == Status.ok { first = error.status }
        }
    }
    return first
}

/// The shared part of a loan batch, checked once: the columns, their scales and the currency.
struct LoanBatch {
    let columns: dfin_loan_columns
    let currency: Currency
    let aprScale: Int
    let taxScale: Int

    init(_ columns: dfin_loan_columns) throws(ExportFailure) {
        guard columns.trade_in_payoff == nil || columns.trade_in_allowance != nil else {
            throw .invalidArgument("trade_in_payoff", "expected trade_in_allowance with trade_in_payoff, found trade_in_allowance NULL")
        }
        self.columns = columns
        currency = try BatchColumns.currency(columns.currency, Int(clamping: columns.currency_length))
        aprScale = try BatchColumns.scale(columns.apr_scale, name: "apr_scale")
        taxScale = columns.tax_rate == nil ? 0 : try BatchColumns.scale(columns.tax_rate_scale, name: "tax_rate_scale")
    }

    /// Makes `loan` the `RetailLoan` row `row`'s JSON request decodes to. Every field a column
    /// of the batch sets is set for every row, so the previous row leaves nothing behind.
    func fill(_ loan: inout RetailLoan, _ row: Int) throws(DealError) {
        let digits = currency.minorUnitDigits
        func money(_ column: UnsafePointer<Int64>?) -> ExactDecimal? {
            column.map { BatchColumns.decimal($0[row], scale: digits) }
        }
        loan.sellingPrice = money(columns.selling_price)!
        loan.apr = BatchColumns.decimal(columns.apr![row], scale: aprScale)
        loan.term = Int(columns.term![row])
        loan.currency = currency
        if let down = money(columns.down_payment) { loan.downPayment = down }
        if let allowance = money(columns.trade_in_allowance) {
            BatchColumns.setOnly(&loan.tradeIns, TradeIn(allowance: allowance, payoff: money(columns.trade_in_payoff) ?? .zero))
        }
        if let fees = money(columns.fees) { BatchColumns.setOnly(&loan.fees, Fee(name: "Fees", amount: fees)) }
        if let balloon = money(columns.balloon) { loan.balloon = .amount(balloon) }
        if let rates = columns.tax_rate { loan.tax = SalesTax(rate: BatchColumns.decimal(rates[row], scale: taxScale)) }
        if let codes = columns.frequency {
            do { loan.frequency = try PaymentFrequency(code: codes[row]) } catch {
                throw DealError.invalidArgument("frequency", "expected a DFIN_FREQUENCY_* code from 0 to 6, found \(codes[row])")
            }
        }
        if let codes = columns.timing {
            do { loan.paymentTiming = try PaymentTiming(code: codes[row]) } catch {
                throw DealError.invalidArgument("paymentTiming", "expected a DFIN_TIMING_* code (0 or 1), found \(codes[row])")
            }
        }
    }
}

/// `dfin_lease_quote_batch`: lease columns → lease quote columns through `Lease.quote()`.
@c(dfin_lease_quote_batch)
public func dfinLeaseQuoteBatch(_ out: UnsafePointer<dfin_lease_results>?, _ input: UnsafePointer<dfin_lease_columns>?,
                                _ count: UInt) -> Int32 {
    guard count > 0 else { return Status.ok }
    guard let out = out?.pointee, let columns = input?.pointee else { return Status.nullArgument }
    guard out.payment != nil, out.status != nil, columns.selling_price != nil, columns.term != nil else { return Status.nullArgument }
    guard count <= UInt(Int.max) else { return Status.invalidArgument }
    let batch: LeaseBatch
    do { batch = try LeaseBatch(columns) } catch { return error.status }
    var first = Status.ok
    // One lease value refilled row by row, as for loans.
    var lease = Lease(sellingPrice: .zero, residual: .amount(.zero), rate: .moneyFactor(.zero), term: 0)
    for row in 0..<Int(count) {
        do throws(ExportFailure) {
            let quote: LeaseQuote
            do {
                try batch.fill(&lease, row)
                quote = try lease.quote()
            } catch { throw ExportFailure(error) }
            let digits = batch.currency.minorUnitDigits
            func minor(_ value: ExactDecimal) throws(ExportFailure) -> Int64 { try BatchColumns.minorUnits(value, digits: digits) }
            let amounts = (try minor(quote.periodicPayment.total), try minor(quote.periodicPayment.net),
                           try minor(quote.adjustedCapitalizedCost), try minor(quote.residualValue),
                           try minor(quote.rentCharge), try minor(quote.totalOfPayments), try minor(quote.dueAtSigning.total))
            LeaseBatch.write(out, row, amounts, status: Status.ok)
        } catch {
            LeaseBatch.write(out, row, (0, 0, 0, 0, 0, 0, 0), status: error.status)
            if first == Status.ok { first = error.status }
        }
    }
    return first
}

/// The shared part of a lease batch, checked once.
struct LeaseBatch {
    let columns: dfin_lease_columns
    let currency: Currency
    let residualScale: Int
    let moneyFactorScale: Int
    let aprScale: Int
    let taxScale: Int

    init(_ columns: dfin_lease_columns) throws(ExportFailure) {
        guard (columns.residual_percent == nil) != (columns.residual_amount == nil),
              (columns.money_factor == nil) != (columns.apr == nil),
              columns.trade_in_payoff == nil || columns.trade_in_allowance != nil else {
            throw .invalidArgument("columns", "expected exactly one of residual_percent and residual_amount, exactly one of money_factor and apr, and trade_in_allowance with trade_in_payoff")
        }
        self.columns = columns
        currency = try BatchColumns.currency(columns.currency, Int(clamping: columns.currency_length))
        residualScale = columns.residual_percent == nil ? 0 : try BatchColumns.scale(columns.residual_percent_scale, name: "residual_percent_scale")
        moneyFactorScale = columns.money_factor == nil ? 0 : try BatchColumns.scale(columns.money_factor_scale, name: "money_factor_scale")
        aprScale = columns.apr == nil ? 0 : try BatchColumns.scale(columns.apr_scale, name: "apr_scale")
        taxScale = columns.tax_rate == nil ? 0 : try BatchColumns.scale(columns.tax_rate_scale, name: "tax_rate_scale")
    }

    /// Makes `lease` the `Lease` row `row`'s JSON request decodes to (every field a column
    /// sets is set for every row).
    func fill(_ lease: inout Lease, _ row: Int) throws(DealError) {
        let digits = currency.minorUnitDigits
        func money(_ column: UnsafePointer<Int64>?) -> ExactDecimal? {
            column.map { BatchColumns.decimal($0[row], scale: digits) }
        }
        let residual: LeaseResidual = if let percents = columns.residual_percent {
            .percent(BatchColumns.decimal(percents[row], scale: residualScale))
        } else {
            .amount(money(columns.residual_amount)!)
        }
        let rate: LeaseRate = if let factors = columns.money_factor {
            .moneyFactor(BatchColumns.decimal(factors[row], scale: moneyFactorScale))
        } else {
            .apr(BatchColumns.decimal(columns.apr![row], scale: aprScale))
        }
        lease.sellingPrice = money(columns.selling_price)!
        lease.residual = residual
        lease.rate = rate
        lease.term = Int(columns.term![row])
        lease.currency = currency
        lease.msrp = money(columns.msrp)
        if let down = money(columns.down_payment) { lease.downPayment = down }
        if let allowance = money(columns.trade_in_allowance) {
            BatchColumns.setOnly(&lease.tradeIns, TradeIn(allowance: allowance, payoff: money(columns.trade_in_payoff) ?? .zero))
        }
        if let fees = money(columns.fees) { BatchColumns.setOnly(&lease.fees, LeaseFee(name: "Fees", amount: fees)) }
        if let rates = columns.tax_rate {
            let component = LeaseTax.Component(name: "Sales tax", rate: BatchColumns.decimal(rates[row], scale: taxScale))
            if lease.tax == nil { lease.tax = LeaseTax(components: [component]) } else { BatchColumns.setOnly(&lease.tax!.components, component) }
        }
        if let codes = columns.timing {
            do { lease.paymentTiming = try PaymentTiming(code: codes[row]) } catch {
                throw DealError.invalidArgument("paymentTiming", "expected a DFIN_TIMING_* code (0 or 1), found \(codes[row])")
            }
        }
    }

    /// Writes one row's amounts (payment, base, adjusted cap cost, residual, rent charge,
    /// total of payments, due at signing) and status.
    static func write(_ out: dfin_lease_results, _ row: Int,
                      _ minor: (Int64, Int64, Int64, Int64, Int64, Int64, Int64), status: Int32) {
        out.payment?[row] = minor.0
        out.base_payment?[row] = minor.1
        out.adjusted_capitalized_cost?[row] = minor.2
        out.residual_value?[row] = minor.3
        out.rent_charge?[row] = minor.4
        out.total_of_payments?[row] = minor.5
        out.due_at_signing?[row] = minor.6
        out.status?[row] = status
    }
}
