// DealFinance — DealFinanceCTests: Exports+Batch.swift, the columnar loan and lease batches
// against the JSON request each row stands for (DealCalculator).

import Testing
import CDealFinance
import DealFinance
import DealJSON
@testable import DealFinanceC

@Suite("C ABI portfolio batches")
struct PortfolioBatchTests {
    /// The minor units of a JSON result's decimal line.
    private func minor(_ answer: JSONValue, _ path: String) throws -> Int64 {
        let text = try #require(answer.value(atPath: path)?.stringValue)
        return try BatchColumns.minorUnits(try ExactDecimal(parsing: text), digits: 2)
    }

    @Test("Loan rows equal their JSON requests; a refused row gets its status and zeros")
    func loans() throws {
        var prices: [Int64] = [3_000_000, 2_500_000, 0, 4_199_999]
        var aprs: [Int64] = [600, 499, 600, 749]
        var terms: [Int32] = [60, 72, 60, 0]
        var balloons: [Int64] = [1_000_000, 0, 0, 0]
        var payments = [Int64](repeating: -1, count: 4), finals = payments, charges = payments, disclosed = payments
        var statuses = [Int32](repeating: -1, count: 4)
        let status = prices.withUnsafeBufferPointer { price in
            aprs.withUnsafeBufferPointer { apr in
                terms.withUnsafeBufferPointer { term in
                    balloons.withUnsafeBufferPointer { balloon in
                        var columns = dfin_loan_columns()
                        columns.selling_price = price.baseAddress
                        columns.apr = apr.baseAddress
                        columns.apr_scale = 2
                        columns.term = term.baseAddress
                        columns.balloon = balloon.baseAddress
                        return payments.withUnsafeMutableBufferPointer { payment in
                            finals.withUnsafeMutableBufferPointer { final in
                                charges.withUnsafeMutableBufferPointer { charge in
                                    disclosed.withUnsafeMutableBufferPointer { apr in
                                        statuses.withUnsafeMutableBufferPointer { state in
                                            var out = dfin_loan_results()
                                            out.payment = payment.baseAddress
                                            out.final_payment = final.baseAddress
                                            out.finance_charge = charge.baseAddress
                                            out.apr = apr.baseAddress
                                            out.status = state.baseAddress
                                            return dfinLoanQuoteBatch(&out, &columns, 4)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        #expect(status == Status.invalidArgument)
        #expect(statuses == [Status.ok, Status.ok, Status.invalidArgument, Status.invalidArgument])
        #expect(payments[0] == 43666)
        let requests = [
            #"{"calculate":"loan","sellingPrice":"30000.00","apr":"6.00","term":60,"balloon":{"amount":"10000.00"}}"#,
            #"{"calculate":"loan","sellingPrice":"25000.00","apr":"4.99","term":72,"balloon":{"amount":"0.00"}}"#,
        ]
        for (row, request) in requests.enumerated() {
            let answer = DealCalculator.calculate(requestText: request)
            #expect(payments[row] == (try minor(answer, "periodicPayment.total")))
            #expect(finals[row] == (try minor(answer, "finalPayment")))
            #expect(charges[row] == (try minor(answer, "financeCharge")))
            #expect(disclosed[row] == (try minor(answer, "apr")))
        }
        #expect(payments[2] == 0 && finals[3] == 0 && disclosed[2] == 0)
    }

    @Test("Missing columns and results are null arguments; mismatched columns invalid")
    func arguments() {
        var columns = dfin_loan_columns()
        var out = dfin_loan_results()
        #expect(dfinLoanQuoteBatch(&out, &columns, 0) == Status.ok)
        #expect(dfinLoanQuoteBatch(&out, &columns, 1) == Status.nullArgument)
        #expect(dfinLoanQuoteBatch(nil, &columns, 1) == Status.nullArgument)
        var leases = dfin_lease_columns()
        var leaseOut = dfin_lease_results()
        #expect(dfinLeaseQuoteBatch(&leaseOut, &leases, 1) == Status.nullArgument)
        #expect(dfinLeaseQuoteBatch(&leaseOut, nil, 1) == Status.nullArgument)
    }
}
