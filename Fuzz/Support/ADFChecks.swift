// DealFinance — exact deal finance. _DealFuzzSupport: invariants of the ADF XML reader and writer.

import DealFinance
import DealJSON
import DealLeads

extension FuzzChecks {
    /// The ADF XML reader, the lenient ADF reader, the lead import and the strict writers:
    /// bad input is refused with an error that names a position inside the input; a parsed
    /// tree written by ``ADFXMLWriter`` reads back and writes again to the same text; a read
    /// ADF document (bare or found in a wrapper) imports as leads, whose ADF export reads back
    /// to the same phones, emails, ids, vendor, provider and extras; and its strict ADF output
    /// (when the document has every part ADF requires) reads back as ADF and writes again to
    /// the same text, extras included.
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
            // A bare document (no e-mail or HTML around it) that the XML reader accepted must not
            // be called ill-formed; a wrapper's ADF is a slice of it and may be. Encoding errors
            // must name a byte inside the input.
            if case .xml = error, ADFEnvelope.locate(Array(bytes))?.wrapper == nil {
                return "the XML reader accepted what the ADF reader calls not well-formed: \(error)"
            }
            if case .encoding(let failure) = error, failure.message.isEmpty || !(0...bytes.count).contains(failure.offset) {
                return "an encoding error without a message or outside the input: \(failure)"
            }
            return nil
        }
        for (index, prospect) in read.document.prospects.enumerated() {
            let imported = Lead.fromADF(prospect, id: "fuzz-\(index)", receivedAt: Instant(secondsSinceEpoch: 0))
            if imported.lead.id != "fuzz-\(index)" { return "an imported lead lost its id" }
            if let failure = leadRoundTrip(imported) { return failure }
        }
        return adfRoundTrip(read.document)
    }

    /// An imported lead that ADF can carry comes back from its export with the same phones,
    /// emails, ids, vendor, provider and extras.
    static func leadRoundTrip(_ imported: ADFLeadImport) -> String? {
        let lead = imported.lead
        guard let dealer = imported.dealerName,
              let text = try? AutoLeadDocument(prospects: [lead.adfProspect(dealerName: dealer, financingMethod: imported.financingMethod,
                                                                            isResend: imported.isResend)]).xml() else { return nil }
        guard let prospect = try? AutoLeadDocument.parse(text: text).document.prospects.first else {
            return "a lead's ADF export does not read back:\n\(text.prefix(400))"
        }
        let back = Lead.fromADF(prospect, id: lead.id, receivedAt: lead.createdAt).lead
        if back.contact.phones != lead.contact.phones || back.contact.emails != lead.contact.emails { return "phones or emails changed in an ADF round trip:\n\(text.prefix(400))" }
        if back.externalIDs != lead.externalIDs || back.customerIDs != lead.customerIDs || back.vehicles.map(\.externalIDs) != lead.vehicles.map(\.externalIDs) {
            return "ids changed in an ADF round trip:\n\(text.prefix(400))"
        }
        // A provider without a name gets one on export (ADF requires it): compare the rest.
        var provider = back.provider
        if lead.provider?.name == nil { provider?.name = nil }
        if back.vendor != lead.vendor || provider != lead.provider { return "vendor or provider changed in an ADF round trip:\n\(text.prefix(400))" }
        if back.extras.count != lead.extras.count { return "extras changed in an ADF round trip:\n\(text.prefix(400))" }
        return nil
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
