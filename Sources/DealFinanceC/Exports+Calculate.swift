// DealFinance — exact deal finance. DealFinanceC: the JSON entry points dfin_calculate,
// dfin_calculate_buffer and dfin_string_free.
//
// These Swift functions are not Swift API; the C declarations in include/dealfinance.h are.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import DealFinance
import DealJSON

/// One answer of `DealCalculator` as compact JSON text and its status.
enum CalculatorAnswer {
    /// Answers the request bytes (Documentation/Reference/README.md): the result or error object and the status that
    /// names the error's code (`DFIN_OK` for a result).
    static func answer(_ request: UnsafeRawBufferPointer) -> (text: String, status: Int32) {
        let answer = DealCalculator.answer(requestBytes: request)
        return (answer.json, answer.error.map { Status.of($0.code) } ?? Status.ok)
    }

    /// The status an answer's error code names (`DFIN_OK` for a result).
    static func status(of answer: JSONValue) -> Int32 {
        guard DealCalculator.isError(answer) else { return Status.ok }
        guard let name = answer.value(atPath: "error.code")?.stringValue, let code = DealError.Code(rawValue: name) else {
            return Status.internal
        }
        return Status.of(code)
    }
}

/// `dfin_calculate`: answers a JSON request into a string the library allocates.
@c(dfin_calculate)
public func dfinCalculate(_ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                          _ outLength: UnsafeMutablePointer<UInt>?,
                          _ request: UnsafePointer<CChar>?, _ requestLength: UInt) -> Int32 {
    outLength?.pointee = 0
    guard let out else { return Status.nullArgument }
    out.pointee = nil
    guard let request else { return Status.nullArgument }
    let (text, status) = CalculatorAnswer.answer(UnsafeRawBufferPointer(start: request, count: Int(clamping: requestLength)))
    return LibraryString.deliver(text, status: status, out: out, length: outLength)
}

/// Text handed to the caller in storage the library allocates (`dfin_string_free` releases it).
enum LibraryString {
    /// Copies `text` and a NUL into `malloc`ed storage at `*out`, its length at `*length`;
    /// returns `status`, or `DFIN_EINTERNAL` (with `*out` NULL) when memory cannot be allocated.
    static func deliver(_ text: String, status: Int32, out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
                        length: UnsafeMutablePointer<UInt>?) -> Int32 {
        var utf8 = text
        return utf8.withUTF8 { bytes in
            guard let storage = malloc(bytes.count + 1)?.assumingMemoryBound(to: CChar.self) else { return Status.internal }
            if let base = bytes.baseAddress {
                UnsafeMutableRawPointer(storage).copyMemory(from: base, byteCount: bytes.count)
            }
            storage[bytes.count] = 0
            out.pointee = storage
            length?.pointee = UInt(bytes.count)
            return status
        }
    }
}

/// `dfin_calculate_buffer`: answers a JSON request into the caller's buffer.
@c(dfin_calculate_buffer)
public func dfinCalculateBuffer(_ out: UnsafeMutablePointer<CChar>?, _ capacity: UInt,
                                _ outLength: UnsafeMutablePointer<UInt>?,
                                _ request: UnsafePointer<CChar>?, _ requestLength: UInt) -> Int32 {
    do {
        let buffer = try CBuffer(out: out, capacity: capacity, length: outLength)
        let (text, status) = CalculatorAnswer.answer(try CText.bytes(request, requestLength, name: "request"))
        return buffer.deliver(text, status: status)
    } catch {
        return error.status
    }
}

/// `dfin_string_free`: releases a string `dfin_calculate` allocated; NULL is a no-op.
@c(dfin_string_free)
public func dfinStringFree(_ string: UnsafeMutablePointer<CChar>?) {
    free(string)
}
