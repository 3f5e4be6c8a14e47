// DealFinance — exact deal finance. DealFinanceC: the caller-buffer protocol.

import DealFinance

/// A caller's output buffer: `out` of `capacity` bytes and the required `out_length`.
///
/// The protocol (include/dealfinance.h): the text and a NUL go to `out`; `*out_length` always
/// receives the text's length without the NUL; when `capacity` is too small nothing is written
/// and the call returns `DFIN_EBUFFER_TOO_SMALL`.
struct CBuffer {
    let out: UnsafeMutablePointer<CChar>?
    let capacity: UInt
    let length: UnsafeMutablePointer<UInt>

    /// Checks the buffer arguments before anything is computed; on failure `*length` (when
    /// given) is set to 0.
    ///
    /// - Throws: `DFIN_ENULL_ARGUMENT` when `length` is NULL or `out` is NULL with a nonzero
    ///   capacity.
    init(out: UnsafeMutablePointer<CChar>?, capacity: UInt, length: UnsafeMutablePointer<UInt>?) throws(ExportFailure) {
        guard let length else { throw .nullArgument("out_length") }
        length.pointee = 0
        guard out != nil || capacity == 0 else {
            throw ExportFailure(status: Status.nullArgument, path: "out", message: "expected a buffer of \(capacity) bytes, found NULL (NULL is allowed only with capacity 0)")
        }
        self.out = out
        self.capacity = capacity
        self.length = length
    }

    /// Delivers `text`; returns `status` when it fits, `DFIN_EBUFFER_TOO_SMALL` otherwise.
    func deliver(_ text: String, status: Int32) -> Int32 {
        var text = text
        return text.withUTF8 { bytes in
            length.pointee = UInt(bytes.count)
            guard let out, UInt(bytes.count) < capacity else { return Status.bufferTooSmall }
            if let base = bytes.baseAddress {
                UnsafeMutableRawPointer(out).copyMemory(from: base, byteCount: bytes.count)
            }
            out[bytes.count] = 0
            return status
        }
    }

    /// Delivers `text` as ``deliver(_:status:)`` does, throwing `DFIN_EBUFFER_TOO_SMALL` at
    /// `capacity` (with the length needed) when it does not fit.
    func deliver(_ text: String) throws(ExportFailure) {
        let status = deliver(text, status: Status.ok)
        guard status == Status.ok else {
            throw ExportFailure(status: status, path: "capacity", message: "expected a capacity of at least \(length.pointee + 1) bytes (the text and its NUL), found \(capacity)")
        }
    }
}
