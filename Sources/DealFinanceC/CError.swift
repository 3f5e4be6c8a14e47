// DealFinance — exact deal finance. DealFinanceC: the caller's `dfin_error` (status, path, message).

import CDealFinance
import DealFinance

/// Runs a typed call and reports its outcome in the caller's optional `dfin_error`.
enum CError {
    /// The status `body` returns or throws; when `error` is not NULL it receives that status,
    /// and for a failure the parameter at fault and the message (`DFIN_OK` and empty texts on
    /// success). No state is kept anywhere else.
    static func report(_ detail: UnsafeMutablePointer<dfin_error>?, _ body: () throws(ExportFailure) -> Void) -> Int32 {
        do throws(ExportFailure) {
            try body()
            if let detail { write(ExportFailure(status: Status.ok, path: "", message: ""), to: detail) }
            return Status.ok
        } catch {
            if let detail { write(error, to: detail) }
            return error.status
        }
    }

    /// Writes a failure into `error`: both texts NUL-terminated, cut at a UTF-8 character
    /// boundary when longer than their arrays.
    static func write(_ failure: ExportFailure, to error: UnsafeMutablePointer<dfin_error>) {
        error.pointee.status = failure.status
        withUnsafeMutableBytes(of: &error.pointee.path) { copy(failure.path, into: $0) }
        withUnsafeMutableBytes(of: &error.pointee.message) { copy(failure.message, into: $0) }
    }

    /// Copies as much of `text` as fits before a NUL, never splitting a UTF-8 sequence.
    static func copy(_ text: String, into buffer: UnsafeMutableRawBufferPointer) {
        guard buffer.count > 0 else { return }
        var text = text
        text.withUTF8 { bytes in
            var count = min(bytes.count, buffer.count - 1)
            // Back off over continuation bytes (10xxxxxx) so the cut falls before a lead byte.
            while count > 0, count < bytes.count, bytes[count] & 0xC0 == 0x80 { count -= 1 }
            if count > 0, let base = bytes.baseAddress { buffer.baseAddress!.copyMemory(from: base, byteCount: count) }
            buffer[count] = 0
        }
    }
}
