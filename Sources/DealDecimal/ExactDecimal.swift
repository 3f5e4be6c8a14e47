// DealFinance — exact deal finance. DealDecimal: the exact decimal value type.

/// An exact decimal number: an integer coefficient and a count of decimal places.
///
/// The value is `coefficient × 10^(−scale)`. Money, rates and percentages are all
/// `ExactDecimal`s; nothing is ever stored in binary floating point. The scale is kept, so
/// `"30000.00"` stays `30000.00` when formatted, while comparison and equality are numeric
/// (`1.5 == 1.50`).
///
/// Values have at most ``maximumDigits`` significant digits and at most ``maximumScale``
/// decimal places: every amount and rate of a real deal fits without heap allocation.
///
/// Overflow throws, it never traps: `+`, `-`, `*`, `+=`, `-=`, `*=` and every other operation
/// whose result would need more than 38 digits or decimals throw ``DecimalError/overflow(_:)``
/// (typed throws), so a value from user input can never crash the process. The operators
/// compose with `try`: `try amounts.reduce(.zero, +)`. Integer literals (`let term: ExactDecimal
/// = 60`) and ``init(_:)-(Int)`` cannot overflow (every `Int` has at most 19 digits).
///
/// It is `Codable` as a JSON string of its canonical text (`"30000.00"`), never a binary
/// floating-point number, and `LosslessStringConvertible` through the same text.
///
/// ```swift
/// let price = try ExactDecimal(parsing: "30000.00")
/// let fee: ExactDecimal = 895
/// var total = try price + fee                     // 30895.00
/// try total += ExactDecimal(parsing: "0.50")      // 30895.50
/// let third = try total.divided(by: 3, scale: 2, rule: .toNearestOrAway)   // 10298.50
/// ```
///
/// Availability: the coefficient is an `Int128`, so on Apple platforms the package needs
/// macOS 15, iOS 18, tvOS 18, watchOS 11 or visionOS 2 (Package.swift `platforms`).
@frozen
public struct ExactDecimal: Sendable {
    /// The largest number of significant digits a value may have (38).
    public static let maximumDigits = 38
    /// The largest number of decimal places a value may have (38).
    public static let maximumScale = 38

    @usableFromInline internal var storedCoefficient: Int128
    @usableFromInline internal var storedScale: UInt8

    @inlinable
    internal init(unchecked coefficient: Int128, scale: Int) {
        storedCoefficient = coefficient
        storedScale = UInt8(truncatingIfNeeded: scale)
    }

    /// `coefficient × 10^(−scale)` without the range checks or a throw, for callers in this
    /// package that have checked `|coefficient| < 10^38` and `0 ≤ scale ≤ 38` themselves.
    ///
    /// ```swift
    /// ExactDecimal(checkedCoefficient: 43666, scale: 2)   // 436.66
    /// ```
    @inlinable
    package init(checkedCoefficient coefficient: Int128, scale: Int) {
        self.init(unchecked: coefficient, scale: scale)
    }

    /// Creates `coefficient × 10^(−scale)`.
    ///
    /// ```swift
    /// let rate = try ExactDecimal(coefficient: 6875, scale: 3)   // 6.875
    /// ```
    /// - Throws: ``DecimalError/overflow(_:)`` when the coefficient has more than 38 digits or
    ///   the scale is outside 0…38.
    @inlinable
    public init(coefficient: Int128, scale: Int) throws(DecimalError) {
        guard (0...Self.maximumScale).contains(scale) else {
            throw .overflow("expected a scale from 0 to \(Self.maximumScale), found \(scale)")
        }
        guard coefficient.magnitude < PowersOfTen.limit else {
            throw .overflow("expected at most \(Self.maximumDigits) significant digits, found a coefficient of \(coefficient.magnitude.decimalDigitCount) digits")
        }
        self.init(unchecked: coefficient, scale: scale)
    }

    /// Creates a whole number with scale 0.
    ///
    /// ```swift
    /// ExactDecimal(60).description   // "60"
    /// ```
    @inlinable
    public init(_ integer: Int) {
        self.init(unchecked: Int128(integer), scale: 0)
    }

    /// The integer coefficient: `value × 10^scale`.
    ///
    /// ```swift
    /// try ExactDecimal(parsing: "-12.30").coefficient   // -1230
    /// ```
    @inlinable public var coefficient: Int128 { storedCoefficient }

    /// The number of decimal places kept.
    ///
    /// ```swift
    /// try ExactDecimal(parsing: "12.30").scale   // 2
    /// ```
    @inlinable public var scale: Int { Int(storedScale) }

    /// Zero with scale 0.
    ///
    /// ```swift
    /// ExactDecimal.zero.isZero   // true
    /// ```
    public static let zero = ExactDecimal(unchecked: 0, scale: 0)

    /// Whether the value is zero (at any scale).
    ///
    /// ```swift
    /// try ExactDecimal(parsing: "0.00").isZero   // true
    /// ```
    @inlinable public var isZero: Bool { storedCoefficient == 0 }

    /// Whether the value is below zero.
    ///
    /// ```swift
    /// try ExactDecimal(parsing: "-0.01").isNegative   // true
    /// ```
    @inlinable public var isNegative: Bool { storedCoefficient < 0 }

    /// −1, 0 or 1.
    ///
    /// ```swift
    /// try ExactDecimal(parsing: "-3.5").signum   // -1
    /// ```
    @inlinable public var signum: Int { storedCoefficient < 0 ? -1 : (storedCoefficient == 0 ? 0 : 1) }

    /// The absolute value, same scale.
    ///
    /// ```swift
    /// try ExactDecimal(parsing: "-3.50").magnitude   // 3.50
    /// ```
    @inlinable public var magnitude: ExactDecimal {
        ExactDecimal(unchecked: storedCoefficient < 0 ? -storedCoefficient : storedCoefficient, scale: scale)
    }

    /// The value with its sign flipped, same scale.
    ///
    /// ```swift
    /// try ExactDecimal(parsing: "3.50").negated()   // -3.50
    /// ```
    @inlinable public func negated() -> ExactDecimal {
        ExactDecimal(unchecked: -storedCoefficient, scale: scale)
    }

    /// The same value written with `scale` decimal places, if that needs no rounding.
    ///
    /// ```swift
    /// try ExactDecimal(parsing: "12.5").rescaled(to: 2)   // 12.50
    /// ```
    /// - Throws: ``DecimalError/inexact`` when digits would be lost (use
    ///   ``rounded(scale:rule:)``), ``DecimalError/overflow(_:)`` when too many digits result.
    @inlinable
    public func rescaled(to newScale: Int) throws(DecimalError) -> ExactDecimal {
        try rounded(scale: newScale, rule: .requireExact)
    }
}

/// Powers of ten as 128-bit integers.
@usableFromInline
enum PowersOfTen {
    /// 10^38: coefficients must stay below this.
    /// A literal, so it is statically initialized: no lazy-initialization check (swift_once)
    /// on every ``ExactDecimal/init(coefficient:scale:)``.
    @usableFromInline static let limit: UInt128 = 100_000_000_000_000_000_000_000_000_000_000_000_000

    /// 10^exponent for 0 ≤ exponent ≤ 38.
    @inlinable
    static func unsigned(_ exponent: Int) -> UInt128 {
        var value: UInt128 = 1
        var remaining = exponent
        var base: UInt128 = 10
        while remaining > 0 {
            if remaining & 1 == 1 { value &*= base }
            remaining >>= 1
            if remaining > 0 { base &*= base }
        }
        return value
    }

    /// 10^exponent as a signed integer for 0 ≤ exponent ≤ 38.
    @inlinable
    static func signed(_ exponent: Int) -> Int128 { Int128(unsigned(exponent)) }
}

extension UInt128 {
    /// The number of decimal digits (1 for zero).
    @usableFromInline var decimalDigitCount: Int {
        var count = 1
        var value = self
        while value >= 10 { value /= 10; count += 1 }
        return count
    }
}
