// DealFinance — exact deal finance. dealcalc: `leads` (ADF import, lead reports, Lead Summary).

import DealFinance
import DealJSON
import DealLeads
import Foundation

/// `dealcalc leads PATH… [--report NAME] [--summary LEAD-ID [--deal FILE]] [--as-of INSTANT]
/// [--from INSTANT] [--to INSTANT] [--format table|json]`.
///
/// PATHs are ADF files (`*.xml`), JSON Lines files of lead objects (`*.jsonl`, one lead per
/// line) or directories holding them. Everything goes through ``DealCalculator``: ADF through
/// `adfParse`, reports through `leadReport`, the summary through `leadSummary`.
enum LeadsCommand {
    static let usageText = """
    usage: dealcalc leads PATH... [--report \(LeadReportNames.all.joined(separator: "|"))]
                                  [--summary LEAD-ID [--deal FILE]] [--as-of INSTANT] [--from INSTANT] [--to INSTANT]
                                  [--format table|json]
    """

    static func run(_ arguments: [String]) -> ExitCode {
        var paths: [String] = []
        var options: [String: String] = [:]
        var index = 0
        let valued = ["--report", "--summary", "--deal", "--as-of", "--from", "--to", "--format"]
        while index < arguments.count {
            let argument = arguments[index]
            if valued.contains(argument) {
                guard index + 1 < arguments.count else { complain("dealcalc leads: \(argument) needs a value\n\(usageText)"); return .unusable }
                options[argument] = arguments[index + 1]
                index += 2
                continue
            }
            if argument.hasPrefix("--") { complain("dealcalc leads: unexpected argument \"\(argument)\"\n\(usageText)"); return .unusable }
            paths.append(argument)
            index += 1
        }
        let format = options["--format"] ?? "table"
        guard format == "table" || format == "json" else { complain("dealcalc leads: --format must be table or json, found \"\(format)\""); return .unusable }
        guard !paths.isEmpty else { complain(usageText); return .unusable }
        let asOf = options["--as-of"] ?? "2100-01-01T00:00:00Z"
        // Load every lead (ADF through adfParse), in file-name order.
        var leads: [JSONValue] = []
        for file in files(paths) {
            guard let data = FileManager.default.contents(atPath: file) else { complain("dealcalc: cannot read \(file)"); return .unusable }
            if file.hasSuffix(".jsonl") {
                // Lines as bytes: the JSON reader refuses invalid UTF-8 with its offset.
                for (number, line) in [UInt8](data).split(separator: 0x0A, omittingEmptySubsequences: false).enumerated()
                where !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                    do { leads.append(try JSONReader().parse(Array(line))) } catch {
                        complain("dealcalc leads: \(file):\(number + 1): \(error.message)"); return .unusable
                    }
                }
            } else {
                let name = URL(fileURLWithPath: file).lastPathComponent.replacingOccurrences(of: ".adf.xml", with: "").replacingOccurrences(of: ".xml", with: "")
                // The file's bytes as they are: the library decodes them by their own encoding
                // declaration and names the offset of any byte it cannot read (never U+FFFD).
                let answer = DealCalculator.calculate(["calculate": "adfParse", "xmlBase64": .string(data.base64EncodedString()), "leadId": .string(name), "receivedAt": .string(asOf)])
                guard !DealCalculator.isError(answer) else {
                    complain("dealcalc leads: \(file): \(answer.value(atPath: "error.message")?.stringValue ?? "not ADF")"); return .unusable
                }
                for entry in answer.value(atPath: "leads")?.arrayValue ?? [] { if let lead = entry.value(atPath: "lead") { leads.append(lead) } }
            }
        }
        let request: JSONValue
        if let id = options["--summary"] {
            guard let lead = leads.first(where: { $0.value(atPath: "id")?.stringValue == id }) else {
                complain("dealcalc leads: no lead with id \"\(id)\""); return .unusable
            }
            var object = JSONObject([("calculate", "leadSummary"), ("lead", lead)])
            if let dealPath = options["--deal"] {
                guard let bytes = QuoteCommand.readInput(dealPath) else { return .unusable }
                do { object["deal"] = try JSONReader().parse(bytes) } catch { complain("dealcalc leads: \(dealPath): \(error.message)"); return .unusable }
            }
            request = .object(object)
        } else {
            let report = LeadReportNames.canonical(options["--report"] ?? "hot-sheet")
            request = .object(JSONObject([("calculate", "leadReport"), ("report", .string(report)), ("leads", .array(leads)),
                                          ("from", .string(options["--from"] ?? "0001-01-01T00:00:00Z")),
                                          ("to", .string(options["--to"] ?? asOf)), ("asOf", .string(asOf))]))
        }
        let answer = DealCalculator.calculate(request)
        if DealCalculator.isError(answer) || format == "json" {
            print(JSONWriter(pretty: true).write(answer))
        } else if options["--summary"] != nil {
            print(summaryText(answer), terminator: "")
        } else {
            print(reportText(answer), terminator: "")
        }
        return DealCalculator.isError(answer) ? .failed : .success
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
        let title = "\(answer.value(atPath: "report")?.stringValue ?? "") as of \(answer.value(atPath: "asOf")?.stringValue ?? "") — cohort \(answer.value(atPath: "cohort")?.numberText ?? "0"), excluded \(answer.value(atPath: "excluded")?.numberText ?? "0")\n\n"
        return title + table(columns, rows)
    }

    static func summaryText(_ answer: JSONValue) -> String {
        var text = "Lead Summary\n"
        for (title, key) in [("Deal Summary", "dealSummary"), ("Customer Details", "customerDetails"), ("Asset Details", "assetDetails")] {
            guard let object = answer.value(atPath: key)?.objectValue else { continue }
            text += "\n\(title)\n"
            for (name, value) in object { text += "  " + name.padding(toLength: 20, withPad: " ", startingAt: 0) + (value.stringValue ?? value.numberText ?? "") + "\n" }
        }
        if let insights = answer.value(atPath: "activityInsights") {
            text += "\nActivity Insights\n  total               \(insights.value(atPath: "total")?.numberText ?? "0")\n"
            for change in insights.value(atPath: "termChanges")?.arrayValue ?? [] {
                text += "  \(change.value(atPath: "at")?.stringValue ?? "")  \(change.value(atPath: "actor")?.stringValue ?? "")  \(change.value(atPath: "term")?.stringValue ?? ""): \(change.value(atPath: "from")?.stringValue ?? "-") → \(change.value(atPath: "to")?.stringValue ?? "")\n"
            }
        }
        if let breakdown = answer.value(atPath: "paymentBreakdown") {
            text += "\n" + BreakdownTable(result: breakdown).render()
        }
        return text
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
