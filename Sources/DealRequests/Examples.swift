// DealFinance — exact deal finance. DealRequests: the built-in example requests.

import DealJSON

extension DealCalculator {
    /// Names of the built-in examples (`dealcalc quote --example NAME`).
    public static let exampleNames = ["loan", "lease"]

    /// The request text of a built-in example, or nil for an unknown name.
    ///
    /// The loan example is a typical retail deal with every kind of line: an add-on, two F&I
    /// products, financed and up-front fees, a trade-in with a lien, cash down, a rebate,
    /// 7 % sales tax with trade-in credit, 6.9 % for 60 months, and a 45-day first period.
    ///
    /// The lease example is the worked example of Documentation/Reference/Lease.md (payment 503.01) with a documentation
    /// fee and title paid at signing, a disposition fee and a contract date.
    ///
    /// ```swift
    /// DealCalculator.exampleRequest(named: "loan")   // "{\n  \"calculate\": \"loan\", …"
    /// ```
    public static func exampleRequest(named name: String) -> String? {
        switch name {
        case "loan":
            return """
            {
              "calculate": "loan",
              "sellingPrice": "32500.00",
              "msrp": "34995.00",
              "addOns": [{"name": "All-weather floor mats", "amount": "189.00", "taxable": true}],
              "products": [{"name": "GAP", "amount": "695.00"}, {"name": "Service contract", "amount": "1895.00"}],
              "fees": [
                {"name": "Documentation fee", "amount": "85.00", "taxable": true},
                {"name": "Title and registration", "amount": "312.50", "financed": false}
              ],
              "tradeIns": [{"allowance": "9000.00", "payoff": "11250.00"}],
              "downPayment": "3000.00",
              "rebates": [{"name": "Manufacturer rebate", "amount": "1000.00"}],
              "tax": {"rate": "7", "financed": true, "tradeInCredit": true, "rebatesReduceTaxBase": false},
              "apr": "6.9",
              "term": 60,
              "frequency": "monthly",
              "contractDate": "2026-11-23",
              "firstPaymentDate": "2027-01-07",
              "oddDays": "spread"
            }
            """
        case "lease":
            // the worked example of Documentation/Reference/Lease.md (503.01) plus fees paid at signing, a disposition fee
            // and dates: the payment is unchanged, due at signing and the total of payments grow.
            return """
            {
              "calculate": "lease",
              "msrp": "40000.00",
              "sellingPrice": "37000.00",
              "fees": [
                {"name": "Acquisition fee", "amount": "895.00"},
                {"name": "Documentation fee", "amount": "85.00", "taxable": true, "capitalized": false},
                {"name": "Title and registration", "amount": "350.00", "capitalized": false}
              ],
              "downPayment": "2000.00",
              "rebates": [{"name": "Lease cash", "amount": "1000.00"}],
              "residual": {"percent": "58"},
              "moneyFactor": "0.00250",
              "rateMethod": "moneyFactor",
              "term": 36,
              "frequency": "monthly",
              "paymentTiming": "advance",
              "dispositionFee": "395.00",
              "tax": {"rate": "7", "method": "monthly", "taxCashDown": true, "tradeInCredit": true, "rebatesReduceTaxBase": false},
              "contractDate": "2026-11-23"
            }
            """
        default:
            return nil
        }
    }
}
