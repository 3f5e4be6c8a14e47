// DealFinance — exact deal finance. DealLeads/Analytics: the named reports as text tables.

import DealDecimal

/// A report as row data: column names and rows of text cells (ratios as `num/den` with a
/// percentage column, durations in minutes with 2 decimals, money with 2 decimals, `-` for
/// undefined). The host renders it; `dealcalc leads` prints it as a table or JSON.
///
/// ```swift
/// let table = LeadReport.funnel.table(LeadAnalytics(leads, scope: scope))
/// table.columns   // ["stage", "reached", "conversionToNext", "conversionToNextPercent", "dropOff"]
/// ```
public enum LeadReport: String, Sendable, Hashable, CaseIterable {
    /// The daily hot sheet (``LeadAnalytics/hotSheet(_:scope:)``).
    case hotSheet
    /// Stage-to-stage conversion and drop-off (``LeadAnalytics/funnel()``).
    case funnel
    /// Conversion and win rate by source (``LeadAnalytics/conversion(by:)``).
    case conversionBySource
    /// Conversion and win rate by salesperson.
    case conversionBySalesperson
    /// Conversion and win rate by vehicle type.
    case conversionByVehicleType
    /// First-response time and 5-minute compliance (``LeadAnalytics/responseStatistics(_:)``).
    case responseTime
    /// Time in stage (``LeadAnalytics/timeInStage()``).
    case timeInStage
    /// Pipeline velocity (``LeadAnalytics/velocity()``).
    case velocity
    /// Pipeline by stage and age (``LeadAnalytics/pipelineByStageAndAge()``).
    case pipelineByStageAndAge
    /// Team performance (``LeadAnalytics/teamPerformance()``).
    case teamPerformance
    /// Source analysis with cost per lead/sale and ROI (``LeadAnalytics/sources(spend:grossProfit:)``).
    case sourceAnalysis

    /// A text table.
    public struct Table: Sendable, Hashable {
        /// The column names, in order.
        public var columns: [String]
        /// The rows, one text cell per column.
        public var rows: [[String]]
    }

    static func minutes(_ seconds: LeadRatio) -> String { LeadRatio(seconds.numerator, seconds.denominator * 60).decimal(places: 2) }
    static func hours(_ seconds: LeadRatio) -> String { LeadRatio(seconds.numerator, seconds.denominator * 3600).decimal(places: 2) }
    static func percent(_ ratio: LeadRatio?) -> String { ratio.map { $0.percent } ?? "-" }
    static func ratio(_ ratio: LeadRatio?) -> String { ratio.map { $0.description } ?? "-" }

    /// The report over `analytics` (the hot sheet uses `leads` at `asOf`, not only the cohort).
    ///
    /// - Parameters:
    ///   - analytics: the cohort and scope the report covers.
    ///   - leads: every lead given, for the hot sheet (which lists open leads at `asOf`).
    ///   - spend: spend per source text, an input of ``sourceAnalysis``.
    ///   - grossProfit: gross profit per won lead id, an input of ``sourceAnalysis``.
    public func table(_ analytics: LeadAnalytics, leads: [Lead] = [], spend: [String: ExactDecimal] = [:], grossProfit: [String: ExactDecimal] = [:]) throws(LeadError) -> Table {
        switch self {
        case .hotSheet:
            return Table(columns: ["leadId", "name", "stage", "score", "ageHours", "hot", "appointmentToday", "overdueFollowUp", "assignedTo"],
                         rows: LeadAnalytics.hotSheet(leads, scope: analytics.scope).map {
                             [$0.leadID, $0.name, $0.stage, $0.score.map(String.init) ?? "-", Self.hours(LeadRatio(Int128($0.ageSeconds), 1)),
                              String($0.hot), String($0.appointmentToday), String($0.overdueFollowUp), $0.assignedTo ?? "-"]
                         })
        case .funnel:
            return Table(columns: ["stage", "reached", "conversionToNext", "conversionToNextPercent", "dropOff", "dropOffPercent"],
                         rows: analytics.funnel().map {
                             [$0.stage, String($0.reached), Self.ratio($0.conversionToNext), Self.percent($0.conversionToNext), Self.ratio($0.dropOff), Self.percent($0.dropOff)]
                         })
        case .conversionBySource, .conversionBySalesperson, .conversionByVehicleType:
            let segment: LeadAnalytics.Segment = self == .conversionBySource ? .source : self == .conversionBySalesperson ? .salesperson : .vehicleType
            return Table(columns: [segment.rawValue, "leads", "won", "lost", "open", "conversion", "conversionPercent", "winRate", "winRatePercent"],
                         rows: analytics.conversion(by: segment).map {
                             [$0.key, String($0.leads), String($0.won), String($0.lost), String($0.open),
                              Self.ratio($0.conversion), Self.percent($0.conversion), Self.ratio($0.winRate), Self.percent($0.winRate)]
                         })
        case .responseTime:
            return Table(columns: ["group", "leads", "responded", "meanMinutes", "medianMinutes", "p90Minutes", "withinTarget", "withinTargetPercent", "noResponse", "noResponsePercent"],
                         rows: [Self.responseRow("all", analytics.responseStatistics())])
        case .timeInStage:
            return Table(columns: ["stage", "completedVisits", "meanCompletedHours", "censoredVisits", "meanAllHours"],
                         rows: analytics.timeInStage().map {
                             [$0.stage, String($0.completedVisits), Self.hours($0.meanCompletedSeconds), String($0.censoredVisits), Self.hours($0.meanAllSeconds)]
                         })
        case .velocity:
            let v = try analytics.velocity()
            let averageValue = v.wonWithValue == 0 ? "-" : LeadRatio(v.wonValueTotal.coefficient, Int128(v.wonWithValue) * Self.power10(v.wonValueTotal.scale)).decimal(places: 2)
            return Table(columns: ["openQualified", "winRate", "winRatePercent", "averageWonValue", "averageCycleDays", "velocityPerDay"],
                         rows: [[String(v.openQualified), Self.ratio(v.winRate), Self.percent(v.winRate), averageValue,
                                 LeadRatio(Int128(v.cycleSecondsTotal), Int128(v.wonWithCycle) * 86_400).decimal(places: 2),
                                 v.perDay?.description ?? "-"]])
        case .pipelineByStageAndAge:
            return Table(columns: ["stage"] + LeadAnalytics.ageBuckets + ["total"],
                         rows: analytics.pipelineByStageAndAge().map { [$0.stage] + $0.counts.map(String.init) + [String($0.counts.reduce(0, +))] })
        case .teamPerformance:
            return Table(columns: ["salesperson", "leads", "won", "lost", "conversionPercent", "winRatePercent", "meanResponseMinutes", "withinTargetPercent"],
                         rows: analytics.teamPerformance().map {
                             [$0.row.key, String($0.row.leads), String($0.row.won), String($0.row.lost), Self.percent($0.row.conversion),
                              Self.percent($0.row.winRate), Self.minutes($0.response.meanSeconds), Self.percent($0.response.withinTarget)]
                         })
        case .sourceAnalysis:
            return Table(columns: ["source", "leads", "won", "conversionPercent", "spend", "costPerLead", "costPerSale", "grossProfit", "roi", "roiPercent", "meanResponseMinutes"],
                         rows: try analytics.sources(spend: spend, grossProfit: grossProfit).map {
                             [$0.source, String($0.leads), String($0.won), Self.percent($0.conversion), $0.spend?.description ?? "-",
                              $0.costPerLead?.description ?? "-", $0.costPerSale?.description ?? "-", $0.grossProfit.description,
                              Self.ratio($0.roi), Self.percent($0.roi), Self.minutes($0.response.meanSeconds)]
                         })
        }
    }

    static func power10(_ exponent: Int) -> Int128 {
        var result: Int128 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }

    static func responseRow(_ group: String, _ s: LeadAnalytics.ResponseStatistics) -> [String] {
        [group, String(s.leads), String(s.responded), minutes(s.meanSeconds), minutes(s.medianSeconds),
         s.p90Seconds.map { minutes(LeadRatio(Int128($0), 1)) } ?? "-",
         ratio(s.withinTarget), percent(s.withinTarget), ratio(s.noResponse), percent(s.noResponse)]
    }
}
