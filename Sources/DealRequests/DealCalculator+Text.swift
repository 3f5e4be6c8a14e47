// DealFinance — exact deal finance. DealRequests: the JSON interface as text (the public API).

import DealEngine
import DealJSON

extension DealCalculator {
    /// One answer to a JSON request: its JSON text and, for an error object, the error.
    ///
    /// ```swift
    /// let answer = DealCalculator.answer(requestText: "{}")
    /// answer.error?.path   // "calculate"
    /// answer.json          // {"error":{"code":"invalid_argument","path":"calculate",…}}
    /// ```
    public struct Answer: Sendable, Equatable {
        /// The result object or the error object `{"error":{"code","path","message"}}`, as
        /// JSON text (compact unless `pretty` was asked for).
        public let json: String
        /// The error the answer reports; `nil` for a result.
        public let error: DealError?
    }

    /// Answers a request given as UTF-8 bytes.
    ///
    /// ```swift
    /// DealCalculator.answer(requestBytes: Array("not json".utf8)).error?.code   // .invalidJSON
    /// ```
    public static func answer(requestBytes: some Collection<UInt8>, pretty: Bool = false) -> Answer {
        let request: JSONValue
        do { request = try JSONReader().parse(requestBytes) } catch {
            return answer(failure: DealError(code: .invalidJSON, path: error.path, message: error.message), pretty: pretty)
        }
        do {
            return Answer(json: JSONWriter(pretty: pretty).write(try result(for: request)), error: nil)
        } catch {
            return answer(failure: error, pretty: pretty)
        }
    }

    /// Answers a request given as text.
    ///
    /// ```swift
    /// let answer = DealCalculator.answer(requestText: #"{"calculate":"loan","sellingPrice":"1000.00","apr":"0","term":10}"#)
    /// answer.json   // {"calculate":"loan",…,"periodicPayment":{"net":"100.00",…},…}
    /// ```
    public static func answer(requestText: String, pretty: Bool = false) -> Answer {
        answer(requestBytes: Array(requestText.utf8), pretty: pretty)
    }

    /// The result object's JSON text, or the error the request failed with.
    ///
    /// ```swift
    /// let json = try DealCalculator.resultJSON(requestText: #"{"calculate":"loan","sellingPrice":"1000.00","apr":"0","term":10}"#)
    /// ```
    public static func resultJSON(requestText: String, pretty: Bool = false) throws(DealError) -> String {
        let answer = answer(requestText: requestText, pretty: pretty)
        if let error = answer.error { throw error }
        return answer.json
    }

    /// The error object's answer.
    private static func answer(failure: DealError, pretty: Bool) -> Answer {
        Answer(json: JSONWriter(pretty: pretty).write(errorObject(failure)), error: failure)
    }
}
