// DealFinance — exact deal finance. The library version.

/// The version of the DealFinance library (semantic versioning; see README "Stability").
///
/// ```swift
/// DealFinanceVersion.string   // "0.2.0"
/// ```
public enum DealFinanceVersion {
    /// Major version: incompatible API changes.
    public static let major = 0
    /// Minor version: additions.
    public static let minor = 2
    /// Patch version: fixes.
    public static let patch = 0
    /// `major.minor.patch`.
    public static var string: String { "\(major).\(minor).\(patch)" }
}
