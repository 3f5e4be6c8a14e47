//===--- TieTable.swift ---------------------------------------*- swift -*-===//
//
// This source file is part of the DealFinance open source project.
// Test support only: amounts whose exact payment is (nearly) a rounding tie.
//
//===----------------------------------------------------------------------===//

import CGMP

/// Tie tables: net financed amounts A (integer minor units) whose exact level
/// payment P*(A) lies within a window of a half-integer k + ½ — the inputs on
/// which a fast payment path must fall back.
///
/// P* is affine in A: P*(A) = α·A − β with exact rationals α = P*(1) − P*(0)
/// and β = −P*(0) (from ``LoanOracle/exactPayment(amountMinor:balloonMinor:aprText:periodsPerYear:numberOfPayments:advance:wholePeriodsToFirstPayment:oddDays:daysPerUnitPeriod:spread:)``).
/// With a common denominator D, α = a/D and β + ½ = c/D, and
///
///     |P*(A) − (k + ½)| ≤ w  for some k   ⇔   (a·A − c + W) mod D ∈ [0, 2W],  W = ⌊w·D⌋.
///
/// ``nearTies(aprText:periodsPerYear:n:advance:balloonMinor:count:window:searchFrom:upTo:)``
/// does not scan: it finds the least A ≥ `searchFrom` with that property by a
/// Euclid-like recursion on (a mod D, D) — O(log D) big-integer steps per hit,
/// whatever the density of hits — then continues from A + 1.
/// ``nearTiesByScanning(aprText:periodsPerYear:n:advance:balloonMinor:kRange:window:)``
/// is the direct method (solve for the real A on each k + ½, round, check),
/// kept as a cross-check; it reports how many half-integers it scanned.
///
///     let a = TieTable.nearTies(aprText: "6.9", periodsPerYear: 12, n: 60, advance: false,
///                               balloonMinor: 0, count: 3, window: Rational("0.000001")!,
///                               searchFrom: 10_000_00)
///     // three amounts A with |P*(A) − (k + ½)| ≤ 10⁻⁶ cent
public enum TieTable {
  /// 10⁻⁹ of a minor unit.
  public static let defaultWindow = Rational(numerator: 1, denominator: 1_000_000_000)

  /// The largest net financed amount searched by default (999,999,999,999.99).
  public static let maxAmount = 99_999_999_999_999

  /// P*(A) = α·A − β: returns (α, β).
  public static func affine(aprText: String, periodsPerYear: Int, n: Int, advance: Bool,
                            balloonMinor: Int, wholePeriodsToFirstPayment t: Int = 1,
                            oddDays: Int = 0, daysPerUnitPeriod: Int = 30) -> (alpha: Rational, beta: Rational) {
    func p(_ a: Int) -> Rational {
      LoanOracle.exactPayment(amountMinor: a, balloonMinor: balloonMinor, aprText: aprText,
                              periodsPerYear: periodsPerYear, numberOfPayments: n, advance: advance,
                              wholePeriodsToFirstPayment: t, oddDays: oddDays,
                              daysPerUnitPeriod: daysPerUnitPeriod, spread: true)
    }
    let p0 = p(0)
    return (p(1) - p0, -p0)
  }

  /// P*(A) − (k + ½) for the half-integer k + ½ nearest to P*(A): the signed
  /// distance of the exact payment from a half-up rounding boundary.
  public static func distanceToTie(amountMinor: Int, aprText: String, periodsPerYear: Int, n: Int,
                                   advance: Bool, balloonMinor: Int) -> Rational {
    let p = LoanOracle.exactPayment(amountMinor: amountMinor, balloonMinor: balloonMinor,
                                    aprText: aprText, periodsPerYear: periodsPerYear,
                                    numberOfPayments: n, advance: advance)
    let half = Rational(numerator: 1, denominator: 2)
    let shifted = p - half                       // a tie of p is an integer of shifted
    return shifted - shifted.rounded(rule: .halfUp)
  }

  /// Up to `count` amounts A in `searchFrom…upTo`, ascending, with
  /// |P*(A) − (k + ½)| ≤ `window` (minor units) for an integer k. All such A
  /// in the range are found, none skipped.
  public static func nearTies(aprText: String, periodsPerYear: Int, n: Int, advance: Bool,
                              balloonMinor: Int, count: Int, window: Rational = defaultWindow,
                              searchFrom: Int, upTo: Int = maxAmount) -> [Int] {
    precondition(window.sign >= 0, "TieTable: negative window")
    let (alpha, beta) = affine(aprText: aprText, periodsPerYear: periodsPerYear, n: n,
                               advance: advance, balloonMinor: balloonMinor)
    let c = beta + Rational(numerator: 1, denominator: 2)
    // Common denominator D = lcm(den α, den c); a = α·D, cc = c·D, W = ⌊w·D⌋.
    let d = BigInteger(); __gmpz_lcm(d.z, alpha.den, c.den)
    let dRational = Rational(); __gmpz_set(dRational.num, d.z)
    let a = BigInteger(integerOf: alpha * dRational)
    let cc = BigInteger(integerOf: c * dRational)
    let w = BigInteger(integerOf: (window * dRational).floor())
    let twoW = w * BigInteger(2)
    var found: [Int] = []
    var from = searchFrom
    while found.count < count && from <= upTo {
      let next: Int
      if twoW >= d - BigInteger(1) {
        next = from                                  // the window covers every A
      } else {
        // (a·(from + x) − cc + W) mod D ∈ [0, 2W]  ⇔  a·x mod D ∈ [L, R] (mod D).
        let b = (a * BigInteger(from) - cc + w).mod(d)
        let low = (BigInteger(0) - b).mod(d)
        let high = (twoW - b).mod(d)
        let aa = a.mod(d)
        let x: BigInteger?
        if low <= high {
          x = firstHit(a: aa, m: d, low: low, high: high)
        } else {
          let x1 = firstHit(a: aa, m: d, low: low, high: d - BigInteger(1))
          let x2 = firstHit(a: aa, m: d, low: BigInteger(0), high: high)
          x = [x1, x2].compactMap { $0 }.min()
        }
        guard let x, x <= BigInteger(upTo - from) else { break }
        next = from + x.intValue
      }
      found.append(next)
      if next == Int.max { break }
      from = next + 1
    }
    return found
  }

  /// Up to `count` amounts A in `searchFrom…upTo` whose exact payment is
  /// exactly k + ½: a tie of half-up rounding. With i = 0, P* = (A − B)/n,
  /// so ties exist for even n (A ≡ B + n/2 mod n); with i > 0 the
  /// denominator of α is usually so large that no tie lies in range.
  ///
  ///     TieTable.exactTies(aprText: "0", periodsPerYear: 12, n: 4, advance: false,
  ///                        balloonMinor: 0, count: 3, searchFrom: 100)   // [102, 106, 110]
  public static func exactTies(aprText: String, periodsPerYear: Int, n: Int, advance: Bool,
                               balloonMinor: Int, count: Int, searchFrom: Int,
                               upTo: Int = maxAmount) -> [Int] {
    nearTies(aprText: aprText, periodsPerYear: periodsPerYear, n: n, advance: advance,
             balloonMinor: balloonMinor, count: count, window: 0, searchFrom: searchFrom, upTo: upTo)
  }

  /// The direct method: for each k in `kRange`, solve P*(A) = k + ½ for the
  /// real A, round it to the nearest integer and keep it if it lands within
  /// `window`. Returns the amounts (ascending) and the number of
  /// half-integers scanned.
  public static func nearTiesByScanning(aprText: String, periodsPerYear: Int, n: Int, advance: Bool,
                                        balloonMinor: Int, kRange: ClosedRange<Int>,
                                        window: Rational = defaultWindow) -> (amounts: [Int], scanned: Int) {
    let (alpha, beta) = affine(aprText: aprText, periodsPerYear: periodsPerYear, n: n,
                               advance: advance, balloonMinor: balloonMinor)
    let half = Rational(numerator: 1, denominator: 2)
    var amounts: [Int] = []
    for k in kRange {
      let target = Rational(k) + half
      let amount = ((target + beta) / alpha).rounded(rule: .halfUp)
      if (alpha * amount - beta - target).magnitude <= window { amounts.append(amount.intValue) }
    }
    return (amounts.sorted(), kRange.count)
  }

  /// The least x ≥ 0 with `low ≤ a·x mod m ≤ high`, or nil; requires
  /// 0 ≤ a < m and 0 ≤ low ≤ high < m.
  ///
  /// If a multiple of a lies in [low, high], x = ⌈low/a⌉. Otherwise
  /// a·x − m·y ∈ [low, high] needs y ≥ 1 with (m mod a)·y mod a in
  /// [(−high) mod a, (−low) mod a] — the same problem on (m mod a, a) — and
  /// then x = ⌈(low + m·y)/a⌉ (x grows with y, so the least y gives the least
  /// x). Iterative, so the O(log m) depth needs no deep stack.
  static func firstHit(a: BigInteger, m: BigInteger, low: BigInteger, high: BigInteger) -> BigInteger? {
    var frames: [(a: BigInteger, m: BigInteger, low: BigInteger)] = []
    var (a, m, low, high) = (a, m, low, high)
    var y: BigInteger
    while true {
      if low.isZero { y = BigInteger(0); break }
      if a.isZero { return nil }
      let x = low.ceilDiv(a)
      if a * x <= high { y = x; break }
      frames.append((a, m, low))
      (a, m, low, high) = (m.mod(a), a, (BigInteger(0) - high).mod(a), (BigInteger(0) - low).mod(a))
    }
    for frame in frames.reversed() {
      y = (frame.low + frame.m * y).ceilDiv(frame.a)
    }
    return y
  }
}

/// A GMP `mpz_t` for the tie solver (internal; one init, one clear).
final class BigInteger: Comparable, @unchecked Sendable {
  let z: UnsafeMutablePointer<__mpz_struct>

  init() {
    z = .allocate(capacity: 1)
    __gmpz_init(z)
  }

  deinit {
    __gmpz_clear(z)
    z.deallocate()
  }

  convenience init(_ value: Int) {
    self.init()
    __gmpz_set_si(z, value)
  }

  /// The integer `r` (which must be integral).
  convenience init(integerOf r: Rational) {
    precondition(r.isInteger, "BigInteger: \(r) is not an integer")
    self.init()
    __gmpz_set(z, r.num)
  }

  var isZero: Bool { z.pointee._mp_size == 0 }

  var intValue: Int {
    precondition(__gmpz_fits_slong_p(z) != 0, "BigInteger: does not fit in Int")
    return __gmpz_get_si(z)
  }

  static func + (l: BigInteger, r: BigInteger) -> BigInteger {
    let v = BigInteger(); __gmpz_add(v.z, l.z, r.z); return v
  }

  static func - (l: BigInteger, r: BigInteger) -> BigInteger {
    let v = BigInteger(); __gmpz_sub(v.z, l.z, r.z); return v
  }

  static func * (l: BigInteger, r: BigInteger) -> BigInteger {
    let v = BigInteger(); __gmpz_mul(v.z, l.z, r.z); return v
  }

  /// The remainder in 0 ..< |m|.
  func mod(_ m: BigInteger) -> BigInteger {
    let v = BigInteger(); __gmpz_fdiv_r(v.z, z, m.z)
    if v.z.pointee._mp_size < 0 { __gmpz_add(v.z, v.z, m.z) }
    return v
  }

  /// ⌈self / d⌉.
  func ceilDiv(_ d: BigInteger) -> BigInteger {
    let v = BigInteger(); __gmpz_cdiv_q(v.z, z, d.z); return v
  }

  static func == (l: BigInteger, r: BigInteger) -> Bool { __gmpz_cmp(l.z, r.z) == 0 }
  static func < (l: BigInteger, r: BigInteger) -> Bool { __gmpz_cmp(l.z, r.z) < 0 }
}
