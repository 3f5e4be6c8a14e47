// DealFinance benchmarks: the reconcile requests timed (a lender quote each).

/// Two fixed reconcile requests: a loan quoted by a lender keeping a monthly rate of 5
/// decimals (the search of 784 conventions), and a lease whose depreciation and rent are
/// rounded apart (166 conventions); both with the implied-value solves.
public enum ReconcileWorkload {
    public static let loan = #"{"calculate":"reconcile","request":{"calculate":"loan","sellingPrice":"30000.00","apr":"5.99","term":72},"quoted":{"periodicPayment.total":"497.02","totalOfPayments":"35785.16"}}"#
    public static let lease = #"{"calculate":"reconcile","request":{"calculate":"lease","msrp":"40000.00","sellingPrice":"37000.00","downPayment":"2000.00","residual":{"percent":"58"},"apr":"5.9","term":36,"tax":{"rate":"7","method":"monthly"}},"quoted":{"periodicPayment.net":"470.86","periodicPayment.total":"503.82"}}"#
}
