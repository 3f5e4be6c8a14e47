// DealFinance — exact deal finance. DealFinanceC: dfin_calculate_batch, a JSON array of
// requests answered by a JSON array of answers.
//
// These Swift functions are not Swift API; the C declarations in include/dealfinance.h are.

import DealFinance
import DealJSON

/// The answers of a JSON array of requests, each element answered by `DealCalculator`.
enum CalculatorBatch {
    /// Largest array accepted, in bytes (`DFIN_BATCH_JSON_MAX`).
    static let maximumBytes = 1 << 28

    /// The answer array (or the error object when the input is not an array) and its status:
    /// `DFIN_OK`, the status of the first element that failed, or `DFIN_EINVALID_JSON`.
    static func answer(_ requests: UnsafeRawBufferPointer) -> (text: String, status: Int32) {
        var reader = JSONReader()
        reader.maximumBytes = maximumBytes
        // The array is one level; each element keeps a single request's 64.
        reader.maximumDepth = 65
        let elements: [JSONValue]
        do {
            let value = try reader.parse(requests)
            guard let array = value.arrayValue else {
                let error = DealError(code: .invalidJSON, path: "", message: "expected a JSON array of request objects, found \(value.kindName)")
                return (JSONWriter(pretty: false).write(DealCalculator.errorObject(error)), Status.invalidJSON)
            }
            elements = array
        } catch {
            let failure = DealError(code: .invalidJSON, path: error.path, message: error.message)
            return (JSONWriter(pretty: false).write(DealCalculator.errorObject(failure)), Status.invalidJSON)
        }
        var first = Status.ok
        var answers: [JSONValue] = []
        answers.reserveCapacity(elements.count)
        for element in elements {
            let answer = DealCalculator.calculate(element)
            if first == Status.ok { first = CalculatorAnswer.status(of: answer) }
            answers.append(answer)
        }
        return (JSONWriter(pretty: false).write(.array(answers)), first)
    }
}

/// `dfin_calculate_batch`: answers a JSON array of requests into a string the library allocates.
@c(dfin_calculate_batch)
public func dfinCalculateBatch(_ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                               _ outLength: UnsafeMutablePointer<UInt>?,
                               _ requests: UnsafePointer<CChar>?, _ requestsLength: UInt) -> Int32 {
    outLength?.pointee = 0
    guard let out else { return Status.nullArgument }
    out.pointee = nil
    guard let requests else { return Status.nullArgument }
    let (text, status) = CalculatorBatch.answer(UnsafeRawBufferPointer(start: requests, count: Int(clamping: requestsLength)))
    return LibraryString.deliver(text, status: status, out: out, length: outLength)
}
