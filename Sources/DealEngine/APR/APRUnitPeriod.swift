// DealFinance — DealEngine: the unit-period an APR result was measured in.

/// The time unit of an APR result (`CashFlowAPR.Result.unitPeriod`): a Regulation Z
/// Appendix J unit-period, the whole term, or (EU) a year.
///
/// Its ``name`` (and `description`) is the `unitPeriod` text of the JSON result.
///
/// ```swift
/// APRUnitPeriod.unitPeriod(.monthly).name     // "monthly"
/// APRUnitPeriod.unitPeriod(.weeks(4)).name    // "4 weeks"
/// APRUnitPeriod.term.name                     // "term"
/// ```
public enum APRUnitPeriod: Sendable, Hashable, CustomStringConvertible {
    /// Regulation Z: the Appendix J (b)(4) unit-period, or the one the request gave.
    case unitPeriod(UnitPeriod)
    /// Regulation Z: a single advance repaid by a single payment, whose unit-period is the
    /// term (Appendix J (b)(4)(ii)); unit-periods a year are 365/days or 12/months.
    case term
    /// EU (Directive 2008/48/EC Annex I): time measured in years.
    case year

    /// `"monthly"` … `"annual"`, `"daily"`, `"3 days"`, `"4 weeks"`, `"2 months"` (``UnitPeriod/name``), `"term"` or
    /// `"year"`.
    public var name: String {
        switch self {
        case .unitPeriod(let unit): unit.name
        case .term: "term"
        case .year: "year"
        }
    }

    /// The ``name``.
    public var description: String { name }
}
