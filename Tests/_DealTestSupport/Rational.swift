//===--- Rational.swift ---------------------------------------*- swift -*-===//
//
// This source file is part of the DealFinance open source project.
// Test support only: the exact oracle. Never a dependency of a product, and it
// never calls the engine's arithmetic.
//
//===----------------------------------------------------------------------===//

import CGMP
import Synchronization

/// The rounding rules the oracle knows, each rounding a rational to an integer.
///
/// Ties are values exactly halfway between two integers:
///
///     rule            2.5   -2.5   2.4   -2.4   2.6
///     halfUp           3     -3     2     -2     3    (ties away from zero)
///     halfEven         2     -2     2     -2     3
///     halfTowardZero   2     -2     2     -2     3
///     down             2     -3     2     -3     2    (floor)
///     up               3     -2     3     -2     3    (ceiling)
///     towardZero       2     -2     2     -2     2
///     awayFromZero     3     -3     3     -3     3
public enum OracleRounding: String, Sendable, CaseIterable {
  /// To nearest, ties away from zero (`toNearestOrAway`, the `standard` profile).
  case halfUp
  /// To nearest, ties to the even neighbour (banker's rounding).
  case halfEven
  /// To nearest, ties toward zero.
  case halfTowardZero
  /// Toward negative infinity (floor).
  case down
  /// Toward positive infinity (ceiling).
  case up
  /// Truncation.
  case towardZero
  /// Away from zero.
  case awayFromZero
}

/// An exact rational number: a GMP `mpq_t` in canonical form (lowest terms,
/// positive denominator).
///
/// Values are immutable: every operation returns a new `Rational`. Each
/// instance owns one heap `mpq_t`, initialised in `init` and cleared in
/// `deinit`; ``liveObjects`` counts the instances alive right now.
///
///     let rate = Rational("6")! / Rational(1200)     // 1/200
///     let p = Rational(numerator: 5, denominator: 2)
///     p.rounded(rule: .halfUp).intValue              // 3
///     (-p).rounded(rule: .halfEven).intValue         // -2
public final class Rational: @unchecked Sendable {
  // @unchecked Sendable: no API mutates the mpq after `init` returns, and GMP
  // reads of one object from several threads are safe.

  /// Counts the objects created and destroyed while it is installed as
  /// ``Rational/ledger`` (a task-local), so a leak check is not disturbed by
  /// tests running in parallel.
  public final class Ledger: Sendable {
    private let created = Atomic<Int>(0)
    private let destroyed = Atomic<Int>(0)
    public init() {}
    /// Objects created under this ledger so far.
    public var createdCount: Int { created.load(ordering: .relaxed) }
    /// Objects created under this ledger and not yet destroyed.
    public var liveCount: Int {
      created.load(ordering: .acquiring) - destroyed.load(ordering: .acquiring)
    }
    fileprivate func didCreate() { created.add(1, ordering: .relaxed) }
    fileprivate func didDestroy() { destroyed.add(1, ordering: .releasing) }
  }

  /// The ledger that objects created in the current task report to, if any.
  ///
  ///     let ledger = Rational.Ledger()
  ///     Rational.$ledger.withValue(ledger) { _ = Rational(1) + Rational(2) }
  ///     ledger.liveCount   // 0
  @TaskLocal public static var ledger: Ledger?

  private static let live = Atomic<Int>(0)

  /// The number of `Rational` objects alive in the whole process.
  public static var liveObjects: Int { live.load(ordering: .acquiring) }

  /// The GMP value; owned by this object.
  let q: UnsafeMutablePointer<__mpq_struct>
  private let ownLedger: Ledger?

  /// A new zero (0/1).
  init() {
    q = .allocate(capacity: 1)
    __gmpq_init(q)
    ownLedger = Rational.ledger
    ownLedger?.didCreate()
    Rational.live.add(1, ordering: .relaxed)
  }

  deinit {
    __gmpq_clear(q)
    q.deallocate()
    ownLedger?.didDestroy()
    Rational.live.subtract(1, ordering: .releasing)
  }

  /// The numerator, as GMP's `mpq_numref` (a macro Swift does not import).
  var num: UnsafeMutablePointer<__mpz_struct> {
    UnsafeMutableRawPointer(q)
      .advanced(by: MemoryLayout<__mpq_struct>.offset(of: \._mp_num)!)
      .assumingMemoryBound(to: __mpz_struct.self)
  }

  /// The denominator, as GMP's `mpq_denref`.
  var den: UnsafeMutablePointer<__mpz_struct> {
    UnsafeMutableRawPointer(q)
      .advanced(by: MemoryLayout<__mpq_struct>.offset(of: \._mp_den)!)
      .assumingMemoryBound(to: __mpz_struct.self)
  }

  /// The numerator in lowest terms, as an integer (sign included).
  ///
  ///     Rational(numerator: 6, denominator: -4).numerator.description   // "-3"
  public var numerator: Rational {
    let z = Rational(); __gmpz_set(z.num, num); return z
  }

  /// The denominator in lowest terms, as a positive integer.
  ///
  ///     Rational(numerator: 6, denominator: -4).denominator.description   // "2"
  public var denominator: Rational {
    let z = Rational(); __gmpz_set(z.num, den); return z
  }

  /// The integer `value`.
  ///
  ///     Rational(-7).description   // "-7"
  public convenience init(_ value: Int) {
    self.init()
    __gmpq_set_si(q, value, 1)
  }

  /// `numerator / denominator` in lowest terms; `denominator` must not be 0.
  ///
  ///     Rational(numerator: 6, denominator: -4).description   // "-3/2"
  public convenience init(numerator: Int, denominator: Int) {
    precondition(denominator != 0, "Rational: zero denominator")
    self.init()
    __gmpz_set_si(num, numerator)
    __gmpz_set_si(den, denominator)
    __gmpq_canonicalize(q)
  }

  /// Parses a plain decimal `-?[0-9]+(\.[0-9]+)?` (any length), or a fraction
  /// `-?[0-9]+/[0-9]+` with a non-zero denominator; `nil` for anything else.
  ///
  ///     Rational("6.875")!.description    // "55/8"
  ///     Rational("-12.30")!.description   // "-123/10"
  ///     Rational("1/3")!.description      // "1/3"
  public convenience init?(_ text: String) {
    var body = Substring(text)
    let negative = body.hasPrefix("-")
    if negative { body = body.dropFirst() }
    let isDigit: (Character) -> Bool = { $0 >= "0" && $0 <= "9" }
    let numeratorDigits: String
    var denominatorDigits: String? = nil
    var scale = 0
    if let slash = body.firstIndex(of: "/") {
      let n = body[..<slash], d = body[body.index(after: slash)...]
      guard !n.isEmpty, !d.isEmpty, n.allSatisfy(isDigit), d.allSatisfy(isDigit),
            d.contains(where: { $0 != "0" })
      else { return nil }
      numeratorDigits = String(n)
      denominatorDigits = String(d)
    } else if let dot = body.firstIndex(of: ".") {
      let w = body[..<dot], f = body[body.index(after: dot)...]
      guard !w.isEmpty, !f.isEmpty, w.allSatisfy(isDigit), f.allSatisfy(isDigit)
      else { return nil }
      numeratorDigits = String(w) + String(f)
      scale = f.count
    } else {
      guard !body.isEmpty, body.allSatisfy(isDigit) else { return nil }
      numeratorDigits = String(body)
    }
    self.init()
    let ok1 = __gmpz_set_str(num, (negative ? "-" : "") + numeratorDigits, 10)
    precondition(ok1 == 0)
    if let denominatorDigits {
      precondition(__gmpz_set_str(den, denominatorDigits, 10) == 0)
    } else {
      __gmpz_ui_pow_ui(den, 10, UInt(scale))
    }
    __gmpq_canonicalize(q)
  }

  // MARK: Inspection

  /// Whether the value is 0.
  public var isZero: Bool { num.pointee._mp_size == 0 }

  /// -1, 0 or 1.
  public var sign: Int { Int(num.pointee._mp_size.signum()) }

  /// Whether the denominator is 1.
  public var isInteger: Bool { __gmpz_cmp_ui(den, 1) == 0 }

  /// The value as an `Int`; it must be an integer that fits.
  ///
  ///     Rational(43666).intValue   // 43666
  public var intValue: Int {
    precondition(isInteger, "Rational.intValue: \(self) is not an integer")
    precondition(__gmpz_fits_slong_p(num) != 0, "Rational.intValue: \(self) does not fit in Int")
    return __gmpz_get_si(num)
  }

  /// The numerator in decimal.
  public var numeratorText: String { Rational.text(num) }

  /// The denominator in decimal (always positive).
  public var denominatorText: String { Rational.text(den) }

  /// An integer-valued rational in decimal, e.g. `"-123456789012345678901234567890"`.
  public var integerText: String {
    precondition(isInteger, "Rational.integerText: \(self) is not an integer")
    return numeratorText
  }

  static func text(_ z: UnsafePointer<__mpz_struct>) -> String {
    let capacity = __gmpz_sizeinbase(z, 10) + 2
    var buffer = [CChar](repeating: 0, count: capacity)
    buffer.withUnsafeMutableBufferPointer { _ = __gmpz_get_str($0.baseAddress, 10, z) }
    let bytes = buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }
    return String(decoding: bytes, as: UTF8.self)
  }

  // MARK: Arithmetic (each result is a new object)

  public static func + (l: Rational, r: Rational) -> Rational {
    let z = Rational(); __gmpq_add(z.q, l.q, r.q); return z
  }

  public static func - (l: Rational, r: Rational) -> Rational {
    let z = Rational(); __gmpq_sub(z.q, l.q, r.q); return z
  }

  public static func * (l: Rational, r: Rational) -> Rational {
    let z = Rational(); __gmpq_mul(z.q, l.q, r.q); return z
  }

  /// Exact quotient; `r` must not be 0.
  public static func / (l: Rational, r: Rational) -> Rational {
    precondition(!r.isZero, "Rational: division by zero")
    let z = Rational(); __gmpq_div(z.q, l.q, r.q); return z
  }

  public static prefix func - (x: Rational) -> Rational {
    let z = Rational(); __gmpq_neg(z.q, x.q); return z
  }

  /// |self|.
  public var magnitude: Rational {
    let z = Rational(); __gmpq_abs(z.q, q); return z
  }

  /// `self` raised to `n` (any sign; `self` must be non-zero when `n < 0`;
  /// `x.power(0)` is 1).
  ///
  ///     Rational(numerator: 2, denominator: 3).power(-2).description   // "9/4"
  public func power(_ n: Int) -> Rational {
    let z = Rational()
    if n == 0 { __gmpq_set_si(z.q, 1, 1); return z }
    precondition(n > 0 || !isZero, "Rational.power: 0 to a negative power")
    // Powers of coprime numerator and denominator stay coprime: still canonical.
    __gmpz_pow_ui(z.num, num, UInt(n.magnitude))
    __gmpz_pow_ui(z.den, den, UInt(n.magnitude))
    if n < 0 { __gmpq_inv(z.q, z.q) }
    return z
  }

  // MARK: Rounding to integers

  /// The greatest integer ≤ `self`.
  public func floor() -> Rational {
    let z = Rational(); __gmpz_fdiv_q(z.num, num, den); return z
  }

  /// The least integer ≥ `self`.
  public func ceiling() -> Rational {
    let z = Rational(); __gmpz_cdiv_q(z.num, num, den); return z
  }

  /// `self` rounded to an integer by `rule`.
  ///
  ///     Rational("-2.5")!.rounded(rule: .halfUp).intValue     // -3
  ///     Rational("-2.5")!.rounded(rule: .halfEven).intValue   // -2
  public func rounded(rule: OracleRounding) -> Rational {
    let low = floor()
    if isInteger { return low }
    let high = low + Rational(1)
    switch rule {
    case .down: return low
    case .up: return high
    case .towardZero: return sign > 0 ? low : high
    case .awayFromZero: return sign > 0 ? high : low
    case .halfUp, .halfEven, .halfTowardZero:
      // Compare the fraction with one half: 2·(x − ⌊x⌋) against 1.
      let twice = (self - low) * Rational(2)
      let c = __gmpq_cmp_si(twice.q, 1, 1)
      if c < 0 { return low }
      if c > 0 { return high }
      switch rule {
      case .halfUp: return sign > 0 ? high : low
      case .halfTowardZero: return sign > 0 ? low : high
      default: return __gmpz_tstbit(low.num, 0) == 0 ? low : high   // even neighbour
      }
    }
  }

  /// `self` rounded to a multiple of `10^-scale` by `rule`.
  ///
  ///     Rational(numerator: 1, denominator: 8).rounded(scale: 2, rule: .halfEven)   // 3/25 (0.12)
  public func rounded(scale: Int, rule: OracleRounding) -> Rational {
    let unit = Rational(10).power(scale)
    return (self * unit).rounded(rule: rule) / unit
  }

  // MARK: Decimal text

  /// `self` rounded by `rule` to `scale` decimals (`scale ≥ 0`), as plain text
  /// with exactly `scale` decimals.
  ///
  ///     Rational(43666).decimalText(minorUnits: 2)                      // "436.66"
  ///     Rational(numerator: -1, denominator: 8).decimalText(scale: 2, rule: .halfUp)   // "-0.13"
  public func decimalText(scale: Int, rule: OracleRounding) -> String {
    precondition(scale >= 0, "Rational.decimalText: negative scale")
    let n = (self * Rational(10).power(scale)).rounded(rule: rule)
    return Rational.placePoint(digitsOf: n, scale: scale)
  }

  /// An integer number of minor units shown with `minorUnits` decimals.
  ///
  ///     Rational(-1230).decimalText(minorUnits: 2)   // "-12.30"
  public func decimalText(minorUnits: Int) -> String {
    (self / Rational(10).power(minorUnits)).decimalText(scale: minorUnits, rule: .halfUp)
  }

  /// `self` with `significantDigits` significant digits, the last one
  /// rounded by `rule` (default: truncated, i.e. "unrounded"); trailing zeros
  /// after the point are dropped only where the text is the exact value.
  ///
  ///     Rational(numerator: 1, denominator: 2400).decimalText(significantDigits: 20)
  ///     // "0.00041666666666666666666"
  ///     Rational("0.005")!.decimalText(significantDigits: 20)   // "0.005"
  public func decimalText(significantDigits digits: Int, rule: OracleRounding = .towardZero) -> String {
    precondition(digits >= 1, "Rational.decimalText: need at least one digit")
    if isZero { return "0" }
    // e with 10^e ≤ |x| < 10^(e+1); estimated from digit counts, then fixed.
    let m = magnitude
    var e = Int(__gmpz_sizeinbase(num, 10)) - Int(__gmpz_sizeinbase(den, 10))
    while m < Rational(10).power(e) { e -= 1 }
    while m >= Rational(10).power(e + 1) { e += 1 }
    var scale = digits - 1 - e
    let scaled = self * Rational(10).power(scale)
    var n = scaled.rounded(rule: rule)
    let exact = n == scaled
    if n.magnitude == Rational(10).power(digits) {   // rounding carried into a new digit
      n = n / Rational(10)
      scale -= 1
    }
    if scale <= 0 { return (n * Rational(10).power(-scale)).integerText }
    var text = Rational.placePoint(digitsOf: n, scale: scale)
    if exact {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text
  }

  /// The integer `n` divided by 10^scale, as text with `scale` decimals.
  private static func placePoint(digitsOf n: Rational, scale: Int) -> String {
    var digits = n.magnitude.integerText
    if scale == 0 { return (n.sign < 0 ? "-" : "") + digits }
    if digits.count <= scale {
      digits = String(repeating: "0", count: scale + 1 - digits.count) + digits
    }
    let split = digits.index(digits.endIndex, offsetBy: -scale)
    return (n.sign < 0 ? "-" : "") + digits[..<split] + "." + digits[split...]
  }
}

extension Rational: Comparable {
  public static func == (l: Rational, r: Rational) -> Bool { __gmpq_equal(l.q, r.q) != 0 }
  public static func < (l: Rational, r: Rational) -> Bool { __gmpq_cmp(l.q, r.q) < 0 }
}

extension Rational: ExpressibleByIntegerLiteral {
  public convenience init(integerLiteral value: Int) { self.init(value) }
}

extension Rational: CustomStringConvertible {
  /// `"n"` for integers, `"n/d"` otherwise.
  public var description: String {
    isInteger ? numeratorText : numeratorText + "/" + denominatorText
  }
}
