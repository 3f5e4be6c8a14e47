// DealFinance — exact deal finance. dealcalc: `quote`.

import ArgumentParser
import DealFinance
import DealJSON
import Foundation

/// `dealcalc quote FILE|-` and `dealcalc quote --example NAME`: JSON, the Payment Breakdown
/// table, or the amortization chart as SVG.
struct QuoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quote",
        abstract: "Price one request; print its result as JSON, the Payment Breakdown or an amortization chart.",
        discussion: "Exit status: 0 ok; 1 the request failed (its error object on standard output); 2 cannot run.")

    @Argument(help: "A request file (Documentation/Reference/README.md); - reads standard input.", completion: .file(extensions: ["json"]))
    var file: String?

    @Option(help: ArgumentHelp("A built-in example request.", valueName: DealCalculator.exampleNames.joined(separator: "|")),
            completion: .list(DealCalculator.exampleNames))
    var example: String?

    @Option(help: "json (the result object), table (the Payment Breakdown) or svg (the balance, and interest against principal, per payment).")
    var format: OutputFormat = .json

    func validate() throws {
        if let name = example, DealCalculator.exampleRequest(named: name) == nil {
            throw ValidationError("unknown example \"\(name)\"; examples: \(DealCalculator.exampleNames.joined(separator: ", "))")
        }
    }

    func run() throws {
        // Checked here rather than in validate(), so that an unknown option is reported as such.
        guard (file == nil) != (example == nil) else { throw ValidationError("give exactly one of FILE, - or --example NAME") }
        var requestBytes: [UInt8]
        if let example, let text = DealCalculator.exampleRequest(named: example) {
            requestBytes = Array(text.utf8)
        } else if let file, let bytes = Self.readInput(file) {
            requestBytes = bytes
        } else {
            throw ExitCode.unusable
        }
        if format == .svg { requestBytes = Self.withSchedule(requestBytes) }
        let answer = DealCalculator.calculate(requestBytes: requestBytes)
        if DealCalculator.isError(answer) {
            print(JSONWriter(pretty: true).write(answer))
            throw ExitCode.requestFailed
        }
        switch format {
        case .json:
            print(JSONWriter(pretty: true).write(answer))
        case .table:
            print(BreakdownTable(result: answer).render(), terminator: "")
        case .svg:
            guard let chart = AmortizationChart(result: answer) else {
                complain("dealcalc quote: --format svg draws a loan's or lease's payment schedule; this result has none")
                throw ExitCode.unusable
            }
            print(chart.svg(), terminator: "")
        }
    }

    /// A loan or lease request with `"includeSchedule": true`; any other request as given (the
    /// engine then answers it, or reports what is wrong with it).
    static func withSchedule(_ bytes: [UInt8]) -> [UInt8] {
        guard case .object(var object)? = try? JSONReader().parse(bytes),
              ["loan", "lease"].contains(object["calculate"]?.stringValue ?? "") else { return bytes }
        object["includeSchedule"] = .bool(true)
        return Array(JSONWriter(pretty: false).write(.object(object)).utf8)
    }

    /// The bytes of a file, or of standard input for `-`; nil (after a message) when unreadable.
    static func readInput(_ path: String) -> [UInt8]? {
        if path == "-" {
            return Array(FileHandle.standardInput.readDataToEndOfFile())
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            complain("dealcalc: cannot read \(path)")
            return nil
        }
        return Array(data)
    }
}
