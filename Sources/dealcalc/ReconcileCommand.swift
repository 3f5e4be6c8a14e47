// DealFinance — exact deal finance. dealcalc: `reconcile`, printed for a desk manager.

import ArgumentParser
import DealFinance
import DealJSON
import Foundation

/// `dealcalc reconcile FILE|- [--format text|json]`: runs a reconcile request (a file with
/// `request` and `quoted`; `"calculate": "reconcile"` may be left out) and prints which lines
/// match, which conventions explain the quote, or what the lender must have changed.
struct ReconcileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Explain a lender's quote: which lines match and which conventions reproduce it.",
        discussion: "Exit status: 0 ok; 1 the request failed (its error object on standard output); 2 cannot run.")

    /// `text` (the report) or `json` (the result object).
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "A reconcile request file (request and quoted); - reads standard input.", completion: .file(extensions: ["json"]))
    var file: String

    @Option(help: "text (the report) or json (the result object).")
    var format: Format = .text

    func run() throws {
        guard let bytes = QuoteCommand.readInput(file) else { throw ExitCode.unusable }
        let answer: JSONValue
        do {
            var request = try JSONReader().parse(bytes)
            if var object = request.objectValue, object["calculate"] == nil {
                object["calculate"] = .string("reconcile")
                request = .object(object)
            }
            if let kind = request.value(atPath: "calculate"), kind != .string("reconcile") {
                complain("dealcalc reconcile: expected a reconcile request (request and quoted), found \"calculate\": \(JSONWriter(pretty: false).write(kind))")
                throw ExitCode.unusable
            }
            answer = DealCalculator.calculate(request)
        } catch let error as JSONParseError {
            answer = DealCalculator.errorObject(DealError(code: .invalidJSON, path: error.path, message: error.message))
        }
        if DealCalculator.isError(answer) || format == .json {
            print(JSONWriter(pretty: true).write(answer))
        } else {
            print(ReconcileReport(answer).render(), terminator: "")
        }
        if DealCalculator.isError(answer) { throw ExitCode.requestFailed }
    }
}
