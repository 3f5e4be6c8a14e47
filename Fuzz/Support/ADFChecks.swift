// DealFinance — exact deal finance. _DealFuzzSupport: invariants of the ADF XML reader and writer.

import DealFinance
import DealJSON
import DealLeads

extension FuzzChecks {
    /// The ADF XML reader, the lenient ADF reader, the lead import and the strict writers:
    /// bad input is refused with an error that names a position inside the input; a parsed
    /// tree written by ``ADFXMLWriter`` reads back and writes again to the same text; a read
    /// ADF document imports as leads, and its strict ADF output (when the document has every
    /// part ADF requires) reads back as ADF and writes again to the same text.
    ///
    /// ```swift
    /// FuzzChecks.adf(bytes)   // nil when every invariant holds
    /// ```
    public static func adf(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let document: ADFXMLDocument
        do {
            document = try ADFXMLReader().parse(bytes)
        } catch {
            if error.message.isEmpty { return "an XML error without a message: \(error)" }
            if !(0...bytes.count).contains(error.offset) || error.line < 1 {
                return "an XML error outside the input (\(bytes.count) bytes): \(error)"
            }
            return nil
        }
        if let failure = xmlRoundTrip(document.root) { return failure }
        let read: AutoLeadDocument.ReadResult
        do {
            read = try AutoLeadDocument.parse(bytes)
        } catch {
            if case .xml = error { return "the XML reader accepted what the ADF reader calls not well-formed: \(error)" }
            return nil
        }
        for (index, prospect) in read.document.prospects.enumerated() {
            let imported = Lead.fromADF(prospect, id: "fuzz-\(index)", receivedAt: Instant(secondsSinceEpoch: 0))
            if imported.lead.id != "fuzz-\(index)" { return "an imported lead lost its id" }
        }
        return adfRoundTrip(read.document)
    }

    /// write → read → write is a fixed point, and the writer's output is always accepted.
    static func xmlRoundTrip(_ root: ADFXMLElement) -> String? {
        let written = ADFXMLWriter.write(root, indent: 0)
        let reread: ADFXMLDocument
        do { reread = try ADFXMLReader().parse(Array(written.utf8)) } catch {
            return "ADFXMLWriter wrote XML the reader refuses (\(error)):\n\(written.prefix(400))"
        }
        let again = ADFXMLWriter.write(reread.root, indent: 0)
        if again != written { return "write∘read∘write ≠ write:\n\(written.prefix(400))\n---\n\(again.prefix(400))" }
        return nil
    }

    /// Strict ADF output of a leniently read document reads back and writes the same again.
    static func adfRoundTrip(_ document: AutoLeadDocument) -> String? {
        let strict: String
        do { strict = try document.xml() } catch {
            return error.message.isEmpty ? "an ADF write error without a message at \(error.path)" : nil
        }
        let reread: AutoLeadDocument.ReadResult
        do { reread = try AutoLeadDocument.parse(text: strict) } catch {
            return "strict ADF output does not read back (\(error)):\n\(strict.prefix(400))"
        }
        guard let again = try? reread.document.xml() else { return "strict ADF output read back without a required part:\n\(strict.prefix(400))" }
        if again != strict { return "ADF write∘read∘write ≠ write:\n\(strict.prefix(400))\n---\n\(again.prefix(400))" }
        return nil
    }
}
