// DealFinance — dealcalc tests: QuoteCommand (options, the schedule for --format svg).
@testable import dealcalc
import DealFinance
import DealJSON
import DealLeads
import Testing

@Suite("QuoteCommand")
struct QuoteCommandTests {
    @Test("--format svg asks a loan or lease for its schedule and leaves other requests alone")
    func withSchedule() throws {
        let loan = QuoteCommand.withSchedule(Array(#"{"calculate":"loan","term":60}"#.utf8))
        #expect(try JSONReader().parse(loan).value(atPath: "includeSchedule") == .bool(true))
        for request in [#"{"calculate":"apr"}"#, "not json", "[1]"] {
            #expect(QuoteCommand.withSchedule(Array(request.utf8)) == Array(request.utf8))
        }
    }

    @Test("options parse into the command")
    func parsing() throws {
        let command = try QuoteCommand.parse(["--example", "loan", "--format", "svg"])
        #expect(command.example == "loan" && command.format == .svg && command.file == nil)
        #expect(try QuoteCommand.parse(["-"]).file == "-")
    }
}
