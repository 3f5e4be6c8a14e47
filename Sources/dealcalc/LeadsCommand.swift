// DealFinance — exact deal finance. dealcalc: `leads` (ADF import, lead reports, Lead Summary).

import ArgumentParser
import DealFinance
import DealJSON
import DealLeads
import Foundation

/// `dealcalc leads PATH… [--report NAME | --summary LEAD-ID [--deal FILE] [--insights WHO]]
/// [--as-of INSTANT] [--from INSTANT] [--to INSTANT] [--format table|json|svg]`.
///
/// PATHs are ADF files (`*.xml`), JSON Lines files of lead objects (`*.jsonl`, one lead per
/// line) or directories holding them. Everything goes through ``DealCalculator``: ADF through
/// `adfParse`, reports through `leadReport`, the summary through `leadSummary`.
struct LeadsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leads",
        abstract: "Lead reports and the Lead Summary of ADF files and JSON Lines of leads.",
        discussion: "Give --as-of: reports are evaluated at that instant. --format svg draws the funnel report. Exit status: 0 ok; 1 the request failed (its error object on standard output); 2 cannot run.")

    @Argument(help: "ADF files (*.xml), JSON Lines of lead objects (*.jsonl) or directories of them.", completion: .file())
    var paths: [String]

    @Option(help: ArgumentHelp("The lead report (default hot-sheet).", valueName: "name"), completion: .list(LeadReportNames.all))
    var report: String?

    @Option(help: ArgumentHelp("The Lead Summary of this lead instead of a report.", valueName: "lead-id"))
    var summary: String?

    @Option(help: ArgumentHelp("With --summary: a deal file (loan fields) for the Payment Breakdown.", valueName: "file"), completion: .file(extensions: ["json"]))
    var deal: String?

    @Option(help: "With --summary: whose deal-term changes Activity Insights lists (default all).")
    var insights: ActorFilter?

    @Option(help: ArgumentHelp("The instant reports are evaluated at.", valueName: "instant"))
    var asOf: String = "2100-01-01T00:00:00Z"

    @Option(help: ArgumentHelp("Reports: the start of the period.", valueName: "instant"))
    var from: String = "0001-01-01T00:00:00Z"

    @Option(help: ArgumentHelp("Reports: the end of the period (default --as-of).", valueName: "instant"))
    var to: String?

    @Option(help: "table, json, or svg (the funnel report as a picture).")
    var format: OutputFormat = .table

    func validate() throws {
        if summary != nil && report != nil { throw ValidationError("give --report or --summary, not both") }
        if summary == nil && deal != nil { throw ValidationError("--deal needs --summary") }
        if summary == nil && insights != nil { throw ValidationError("--insights needs --summary") }
        if format == .svg && (summary != nil || LeadReportNames.canonical(report ?? "hot-sheet") != "funnel") {
            throw ValidationError("--format svg draws the funnel report: give --report funnel")
        }
    }

    func run() throws {
        // Load every lead (ADF through adfParse), in file-name order.
        var leads: [JSONValue] = []
        for file in Self.files(paths) {
            guard let data = FileManager.default.contents(atPath: file) else { complain("dealcalc: cannot read \(file)"); throw ExitCode.unusable }
            if file.hasSuffix(".jsonl") {
                // Lines as bytes: the JSON reader refuses invalid UTF-8 with its offset.
                for (number, line) in [UInt8](data).split(separator: 0x0A, omittingEmptySubsequences: false).enumerated()
                where !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                    do { leads.append(try JSONReader().parse(Array(line))) } catch {
                        complain("dealcalc leads: \(file):\(number + 1): \(error.message)"); throw ExitCode.unusable
                    }
                }
            } else {
                let name = URL(fileURLWithPath: file).lastPathComponent.replacingOccurrences(of: ".adf.xml", with: "").replacingOccurrences(of: ".xml", with: "")
                // The file's bytes as they are: the library decodes them by their own encoding
                // declaration and names the offset of any byte it cannot read (never U+FFFD).
                let answer = DealCalculator.calculate(["calculate": "adfParse", "xmlBase64": .string(data.base64EncodedString()), "leadId": .string(name), "receivedAt": .string(asOf)])
                guard !DealCalculator.isError(answer) else {
                    complain("dealcalc leads: \(file): \(answer.value(atPath: "error.message")?.stringValue ?? "not ADF")"); throw ExitCode.unusable
                }
                for entry in answer.value(atPath: "leads")?.arrayValue ?? [] { if let lead = entry.value(atPath: "lead") { leads.append(lead) } }
            }
        }
        let request: JSONValue
        if let id = summary {
            guard let lead = leads.first(where: { $0.value(atPath: "id")?.stringValue == id }) else {
                complain("dealcalc leads: no lead with id \"\(id)\""); throw ExitCode.unusable
            }
            var object = JSONObject([("calculate", "leadSummary"), ("lead", lead), ("insights", .string((insights ?? .all).rawValue))])
            if let dealPath = deal {
                guard let bytes = QuoteCommand.readInput(dealPath) else { throw ExitCode.unusable }
                do { object["deal"] = try JSONReader().parse(bytes) } catch { complain("dealcalc leads: \(dealPath): \(error.message)"); throw ExitCode.unusable }
            }
            request = .object(object)
        } else {
            let name = LeadReportNames.canonical(report ?? "hot-sheet")
            request = .object(JSONObject([("calculate", "leadReport"), ("report", .string(name)), ("leads", .array(leads)),
                                          ("from", .string(from)), ("to", .string(to ?? asOf)), ("asOf", .string(asOf))]))
        }
        let answer = DealCalculator.calculate(request)
        if DealCalculator.isError(answer) {
            print(JSONWriter(pretty: true).write(answer))
            throw ExitCode.requestFailed
        }
        switch format {
        case .json: print(JSONWriter(pretty: true).write(answer))
        case .svg:
            guard let chart = FunnelChart(report: answer) else {
                complain("dealcalc leads: --format svg needs the funnel report's rows with a whole count in \"reached\"; this answer has none")
                throw ExitCode.unusable
            }
            print(chart.svg(), terminator: "")
        case .table where summary != nil: print(LeadSummaryText(summary: answer).render(), terminator: "")
        case .table: print(Self.reportText(answer), terminator: "")
        }
    }

    /// Files under the paths: `*.xml` and `*.jsonl`, directories walked, sorted by path.
    static func files(_ paths: [String]) -> [String] {
        var result: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { result.append(path); continue }
            if isDirectory.boolValue {
                let entries = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String]) ?? []
                result += entries.filter { $0.hasSuffix(".xml") || $0.hasSuffix(".jsonl") }.sorted().map { (path as NSString).appendingPathComponent($0) }
            } else {
                result.append(path)
            }
        }
        return result
    }

    static func table(_ columns: [String], _ rows: [[String]]) -> String {
        let widths = columns.indices.map { column in ([columns[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        return ([line(columns), line(widths.map { String(repeating: "-", count: $0) })] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    static func reportText(_ answer: JSONValue) -> String {
        let columns = (answer.value(atPath: "columns")?.arrayValue ?? []).compactMap(\.stringValue)
        let rows = (answer.value(atPath: "rows")?.arrayValue ?? []).map { row in columns.map { row.objectValue?[$0]?.stringValue ?? "" } }
        let report = answer.value(atPath: "report")?.stringValue ?? ""
        let title = "\(DisplayText.words(report))\n\(report) as of \(answer.value(atPath: "asOf")?.stringValue ?? "") — cohort \(answer.value(atPath: "cohort")?.numberText ?? "0"), excluded \(answer.value(atPath: "excluded")?.numberText ?? "0")\n\n"
        return title + table(columns.map(DisplayText.heading), rows)
    }
}

/// Report names on the command line: kebab-case (`hot-sheet`) or the JSON name (`hotSheet`).
enum LeadReportNames {
    static let all = ["hot-sheet", "funnel", "conversion-by-source", "conversion-by-salesperson", "conversion-by-vehicle-type", "response-time",
                      "time-in-stage", "velocity", "pipeline-by-stage-and-age", "team-performance", "source-analysis"]

    static func canonical(_ name: String) -> String {
        var result = ""
        var upper = false
        for character in name {
            if character == "-" { upper = true; continue }
            result += upper ? character.uppercased() : String(character)
            upper = false
        }
        return result
    }
}

extension ActorFilter: ExpressibleByArgument {}
