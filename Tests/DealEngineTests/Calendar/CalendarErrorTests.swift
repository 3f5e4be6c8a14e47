// DealFinance — DealEngineTests: CalendarError.

import Testing
import DealEngine

@Suite struct CalendarErrorTests {
    @Test func descriptionIsTheMessage() {
        let error = CalendarError(message: "expected a month in 1...12, found 13")
        #expect(error.message == "expected a month in 1...12, found 13")
        #expect(error.description == error.message)
        #expect("\(error)" == "expected a month in 1...12, found 13")
    }

    @Test func equalityFollowsTheMessage() {
        #expect(CalendarError(message: "a") == CalendarError(message: "a"))
        #expect(CalendarError(message: "a") != CalendarError(message: "b"))
    }
}
