// DealFinance — exact deal finance. DealEngine: the exact periodic rate.

import DealDecimal

/// The periodic interest rate `i = apr / 100 / m` as an exact fraction `numerator / denominator`.
///
/// Documentation/Reference/Loan.md: the periodic rate is exactly the annual percentage rate divided by 100 and by the
/// number of periods a year. Keeping it as a reduced fraction of two integers lets every later
/// step be exact.
///
/// ```swift
/// let rate = try PeriodicRate(annualPercentage: ExactDecimal(parsing: "6"), periodsPerYear: 12)
/// rate.numerator     // 1
/// rate.denominator   // 200      (6 / 100 / 12 = 1/200 = 0.005)
/// ```
public struct PeriodicRate: Sendable, Hashable {
    /// The reduced numerator (≥ 0).
    public let numerator: Int128
    /// The reduced denominator (> 0).
    public let denominator: Int128
    /// Periods a year the rate was divided by.
    public let periodsPerYear: Int
    /// The annual percentage rate it came from.
    public let annualPercentage: ExactDecimal

    /// The periodic rate for an annual percentage rate and a number of periods a year.
    ///
    /// ```swift
    /// let weekly = try PeriodicRate(annualPercentage: ExactDecimal(parsing: "5.2"), periodsPerYear: 52)
    /// weekly.numerator, weekly.denominator   // 1, 1000
    /// ```
    /// - Throws: ``DealError`` (`invalid_argument`) when the rate is negative, above 100, or has
    ///   more than ``maximumDecimals`` decimals.
    public init(annualPercentage: ExactDecimal, periodsPerYear: Int, path: String = "apr") throws(DealError) {
        guard !annualPercentage.isNegative, annualPercentage.compare(toWhole: 100) <= 0 else {
            throw DealError.invalidArgument(path, "expected an annual percentage rate from 0 to 100, found \(annualPercentage)")
        }
        guard annualPercentage.scale <= Self.maximumDecimals else {
            throw DealError.invalidArgument(path, "expected at most \(Self.maximumDecimals) decimal places in a rate, found \(annualPercentage.scale) in \(annualPercentage)")
        }
        guard periodsPerYear > 0 else {
            throw DealError.invalidArgument(path, "expected a positive number of periods a year, found \(periodsPerYear)")
        }
        let numerator = annualPercentage.coefficient
        var scalePower: Int64 = 100
        for _ in 0..<annualPercentage.scale { scalePower *= 10 }   // ≤ 100·10^10
        let (small, overflow) = Int64(periodsPerYear).multipliedReportingOverflow(by: scalePower)
        if !overflow, numerator <= Int128(Int64.max) {
            // Every rate a request can give: the same reduction in 64 bits (the numerator is
            // not negative, the denominator positive).
            let divisor = Int64(Self.binaryGreatestCommonDivisor(UInt64(numerator), UInt64(small)))
            self.numerator = Int128(Int64(numerator) / divisor)
            self.denominator = Int128(small / divisor)
        } else {
            let denominator = Int128(periodsPerYear) * Int128(scalePower)
            let divisor = Self.greatestCommonDivisor(numerator, denominator)
            self.numerator = numerator / divisor
            self.denominator = denominator / divisor
        }
        self.periodsPerYear = periodsPerYear
        self.annualPercentage = annualPercentage
    }

    /// A rate given by its parts (already reduced), for the rates a profile derives.
    init(numerator: Int128, denominator: Int128, periodsPerYear: Int, annualPercentage: ExactDecimal) {
        self.numerator = numerator
        self.denominator = denominator
        self.periodsPerYear = periodsPerYear
        self.annualPercentage = annualPercentage
    }

    /// Rates may have at most this many decimal places (in percent).
    public static let maximumDecimals = 10

    /// Whether the rate is exactly zero.
    ///
    /// ```swift
    /// try PeriodicRate(annualPercentage: .zero, periodsPerYear: 12).isZero   // true
    /// ```
    public var isZero: Bool { numerator == 0 }

    /// The rate as a decimal with `significantDigits` significant digits, rounded half-even
    /// (for display: the reference asks for at least 20 significant digits of `periodicRate`).
    ///
    /// ```swift
    /// let rate = try PeriodicRate(annualPercentage: ExactDecimal(parsing: "5.99"), periodsPerYear: 12)
    /// try rate.decimal(significantDigits: 24).description   // "0.00499166666666666666666667"
    /// ```
    /// - Throws: ``DealError`` `invalid_argument` at `significantDigits` outside 1–37 (an
    ///   `ExactDecimal` holds 38 digits; one is kept for a rounding up to the next power of
    ///   ten) or asking for more decimals than a decimal holds (a tiny rate), `overflow` for a
    ///   rate whose integer part alone needs more digits.
    public func decimal(significantDigits: Int) throws(DealError) -> ExactDecimal {
        guard (1...37).contains(significantDigits) else {
            throw DealError.invalidArgument("significantDigits", "expected from 1 to 37 significant digits, found \(significantDigits)")
        }
        if numerator == 0 { return ExactDecimal.zero }
        let scale: Int
        if numerator >= denominator {
            scale = max(0, significantDigits - (numerator / denominator).magnitude.decimalDigitCountForRate)
        } else {
            var position = 1
            var scaled = numerator * 10
            while scaled < denominator { scaled *= 10; position += 1 }
            guard position - 1 + significantDigits <= ExactDecimal.maximumScale else {
                throw DealError.invalidArgument("significantDigits", "expected at most \(ExactDecimal.maximumScale - position + 1) significant digits for a rate below 10^-\(position - 1) (a decimal has at most \(ExactDecimal.maximumScale) decimals), found \(significantDigits)")
            }
            scale = position - 1 + significantDigits
        }
        do {
            return try ExactDecimal(coefficient: numerator, scale: 0)
                .divided(by: ExactDecimal(coefficient: denominator, scale: 0), scale: scale, rule: .toNearestOrEven)
        } catch {
            throw DealError(code: .overflow, path: "periodicRate", message: "expected a periodic rate \(numerator)/\(denominator) that fits in 38 digits with \(significantDigits) significant digits, found it does not: \(error)")
        }
    }

    /// The greatest common divisor of two numbers not both zero, by Stein's binary
    /// algorithm (shifts and subtractions, no division).
    static func binaryGreatestCommonDivisor(_ a: UInt64, _ b: UInt64) -> UInt64 {
        if a == 0 { return b }
        if b == 0 { return a }
        let shift = (a | b).trailingZeroBitCount
        var u = a >> a.trailingZeroBitCount, v = b
        repeat {
            v >>= v.trailingZeroBitCount
            if u > v { swap(&u, &v) }
            v -= u
        } while v != 0
        return u << shift
    }

    /// The greatest common divisor (1 when both are zero).
    static func greatestCommonDivisor(_ a: Int128, _ b: Int128) -> Int128 {
        var (x, y) = (a.magnitude, b.magnitude)
        while y != 0 { (x, y) = (y, x % y) }
        return x == 0 ? 1 : Int128(x)
    }
}

extension UInt128 {
    /// Decimal digits of a whole number (1 for zero).
    var decimalDigitCountForRate: Int {
        var count = 1
        var value = self
        while value >= 10 { value /= 10; count += 1 }
        return count
    }
}
