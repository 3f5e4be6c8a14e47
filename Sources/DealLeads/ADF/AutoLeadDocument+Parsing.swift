// DealFinance — exact deal finance. DealLeads/ADF: lenient reading of ADF 1.0 (Documentation/Reference/Leads.md).

import DealDecimal
import DealEngine

/// Options for reading ADF.
public struct ADFReadOptions: Sendable, Hashable {
    /// UTC offset (minutes) for a `requestdate` without a zone: the dealer's time zone
    /// (Documentation/Reference/Leads.md: "missing zone → caller-supplied dealer time zone"). Default 0.
    public var defaultUTCOffsetMinutes: Int = 0
    /// XML reader limits (input size, depth).
    public var limits = ADFXMLReader.Limits()

    /// The defaults.
    public init(defaultUTCOffsetMinutes: Int = 0) {
        self.defaultUTCOffsetMinutes = defaultUTCOffsetMinutes
    }
}

/// Why ADF could not be read at all: the XML is not well-formed, or the root is not `<adf>`
/// with at least one `<prospect>`.
public enum ADFReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The XML reader refused the input.
    case xml(ADFXMLError)
    /// Well-formed XML that is not an ADF document.
    case notADF(String)
    /// Bytes that are not text in the encoding they declare (or UTF-8 by default).
    case encoding(ADFEncodingError)

    public var description: String {
        switch self {
        case .xml(let error): return "not well-formed XML: \(error)"
        case .notADF(let message): return "not an ADF document: \(message)"
        case .encoding(let error): return "not readable text: \(error)"
        }
    }
}

extension AutoLeadDocument {
    /// A lenient read: the document plus every deviation tolerated.
    public struct ReadResult: Sendable, Hashable {
        /// What was read (partial where fields were unusable).
        public var document: AutoLeadDocument
        /// Deviations and unusable fields, in document order.
        public var diagnostics: [ADFDiagnostic]
        /// The `<?adf …?>` processing instruction's content, if any (informational).
        public var adfInstruction: String?
    }

    /// Reads ADF leniently (Documentation/Reference/Leads.md "Real-world deviations"): upper-case or
    /// `=`-less `<?ADF VERSION "1.0"?>`, the ADF PI before the XML declaration, loose
    /// `requestdate`s (1-digit hour, no seconds, no zone, truncated offset `-08:0`), phone types
    /// home/work/business/mobile, non-numeric `id@sequence`, empty elements, CDATA, unknown
    /// elements (kept whole in ``ADFProspect/extras``), dealer name only in `vendor/contact/name`,
    /// money written with `$` or thousands separators, `mailto:` addresses. Element names match
    /// ignoring ASCII case and any namespace prefix. The document may sit inside an e-mail or an
    /// HTML page (``ADFEnvelope``); its bytes are decoded by their encoding declaration
    /// (``ADFTextDecoding``) and refused, with the byte offset, when they cannot be.
    /// Unusable fields are dropped with a diagnostic instead of failing the lead. Not
    /// well-formed XML (an unquoted attribute, a DOCTYPE) fails as a whole.
    ///
    /// - Throws: ``ADFReadError``.
    ///
    /// ```swift
    /// let result = try AutoLeadDocument.parse(Array(text.utf8))
    /// result.document.prospects[0].requestDate?.secondsSinceEpoch
    /// ```
    public static func parse(_ bytes: some Collection<UInt8>, options: ADFReadOptions = ADFReadOptions()) throws(ADFReadError) -> ReadResult {
        try parse(Array(bytes), alreadyDecoded: false, options: options)
    }

    /// Reads ADF given as text: the text is already Unicode, so an `encoding` declaration in it
    /// is informational.
    public static func parse(text: String, options: ADFReadOptions = ADFReadOptions()) throws(ADFReadError) -> ReadResult {
        try parse(Array(text.utf8), alreadyDecoded: true, options: options)
    }

    /// Finds the ADF document (bare or wrapped, ``ADFEnvelope``), decodes it
    /// (``ADFTextDecoding``) unless `alreadyDecoded`, and reads it.
    static func parse(_ input: [UInt8], alreadyDecoded: Bool, options: ADFReadOptions) throws(ADFReadError) -> ReadResult {
        guard input.count <= options.limits.maximumBytes else {
            throw .xml(ADFXMLError(kind: .tooLarge, offset: 0, line: 1, column: 1,
                                   message: "expected at most \(options.limits.maximumBytes) bytes of XML, found \(input.count)"))
        }
        var notes: [String] = []
        var text = input
        var decoded = alreadyDecoded
        if !decoded, input.count >= 2, (input[0] == 0xFF && input[1] == 0xFE) || (input[0] == 0xFE && input[1] == 0xFF)
            || (input[0] == 0x3C && input[1] == 0x00) || (input[0] == 0x00 && input[1] == 0x3C) {
            do { text = try ADFTextDecoding.decode(input).utf8 } catch { throw .encoding(error) }
            decoded = true
            notes.append("read as UTF-16")
        }
        var located = ADFEnvelope.locate(text) ?? ADFEnvelope.Located(bytes: text, wrapper: nil, charset: nil, origin: 0)
        if let wrapper = located.wrapper {
            notes.append("ADF document found inside \(wrapper)\(located.origin.map { " at byte \($0)" } ?? "") (accepted)")
        }
        if !decoded || located.isTransferDecoded {
            do {
                let result = try ADFTextDecoding.decode(located.bytes, charset: located.charset)
                located.bytes = result.utf8
                notes += result.remarks
                if result.encoding != .utf8 && result.encoding != .ascii { notes.append("read as \(result.encoding.rawValue)") }
            } catch {
                var error = error
                if let origin = located.origin {
                    error = ADFEncodingError(kind: error.kind, offset: origin + error.offset, message: error.message)
                } else {
                    error.inBody = "decoded \(located.wrapper ?? "body")"
                }
                throw .encoding(error)
            }
        }
        let xml: ADFXMLDocument
        do { xml = try ADFXMLReader(limits: options.limits).parse(located.bytes) } catch { throw .xml(error) }
        guard ADFXMLReader.localKey(xml.root.name) == "adf" else {
            throw .notADF("expected the root element <adf>, found <\(xml.root.name)>")
        }
        var reader = ADFElementReader(options: options)
        for note in notes { reader.note("", note) }
        if xml.root.name.contains(":") || xml.root.attribute("xmlns") != nil {
            reader.note("", "root element <\(xml.root.name)> in a namespace (names compared without prefix; accepted)")
        }
        for warning in xml.warnings { reader.note("", warning) }
        let instruction = xml.processingInstructions.first { ADFXMLReader.asciiLowercased($0.target) == "adf" }
        if instruction == nil { reader.note("", "no <?adf version=\"1.0\"?> processing instruction (accepted)") }
        var prospects: [ADFProspect] = []
        for (index, element) in xml.root.elements.enumerated() {
            if ADFXMLReader.localKey(element.name) == "prospect" {
                prospects.append(reader.prospect(element, path: "prospect[\(prospects.count)]"))
            } else {
                reader.note("adf/\(element.name)[\(index)]", "expected <prospect>, found <\(element.name)> (ignored)")
            }
        }
        guard !prospects.isEmpty else { throw .notADF("expected at least one <prospect> inside <adf>, found none") }
        return ReadResult(document: AutoLeadDocument(prospects: prospects), diagnostics: reader.diagnostics, adfInstruction: instruction?.data)
    }

}

/// Maps elements to the model, collecting diagnostics.
struct ADFElementReader {
    let options: ADFReadOptions
    var diagnostics: [ADFDiagnostic] = []

    mutating func note(_ path: String, _ message: String) {
        diagnostics.append(ADFDiagnostic(path: path, message: message))
    }

    static func key(_ name: String) -> String { ADFXMLReader.asciiLowercased(name) }

    /// Trimmed text of the whole subtree (descendants concatenated), nil when empty.
    static func text(_ element: ADFXMLElement?) -> String? {
        guard let element else { return nil }
        var parts = ""
        func collect(_ element: ADFXMLElement) {
            for child in element.children {
                switch child {
                case .text(let text): parts += text
                case .element(let nested): collect(nested)
                }
            }
        }
        collect(element)
        let trimmed = parts.trimmingXMLWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Reads an enumerated attribute; unknown values give `fallback` and a diagnostic.
    mutating func choice<Choice: RawRepresentable & CaseIterable>(_ element: ADFXMLElement, _ attribute: String, _ type: Choice.Type, path: String, aliases: [String: Choice] = [:]) -> Choice? where Choice.RawValue == String {
        guard let raw = element.attribute(attribute) else { return nil }
        let value = Self.key(raw.trimmingXMLWhitespace())
        if let choice = Choice(rawValue: value) { return choice }
        if let alias = aliases[value] {
            note(path, "\(attribute)=\"\(raw)\" is not an ADF value; read as \"\(alias.rawValue)\"")
            return alias
        }
        let names = Choice.allCases.map(\.rawValue).joined(separator: "|")
        note(path, "expected \(attribute) to be one of \(names), found \"\(raw)\" (ignored)")
        return nil
    }

    /// A money amount: plain decimal after removing `$`, `,` and spaces.
    mutating func money(_ element: ADFXMLElement, path: String) -> ExactDecimal? {
        guard let text = Self.text(element) else {
            note(path, "expected an amount, found an empty element (ignored)")
            return nil
        }
        let cleaned = String(text.unicodeScalars.filter { $0 != "$" && $0 != "," && $0 != " " }.map(Character.init))
        if let value = try? ExactDecimal(parsing: cleaned) {
            if cleaned != text { note(path, "amount \"\(text)\" read as \(cleaned)") }
            return value
        }
        note(path, "expected a plain amount such as 1500.00, found \"\(text)\" (ignored)")
        return nil
    }

    /// A whole number with optional thousands separators.
    mutating func integer(_ element: ADFXMLElement, path: String, what: String) -> Int? {
        guard let text = Self.text(element) else { return nil }
        let cleaned = text.filter { $0 != "," && $0 != " " }
        if !cleaned.isEmpty, cleaned.count <= 12, cleaned.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(cleaned) {
            return value
        }
        note(path, "expected \(what) as digits, found \"\(text)\" (ignored)")
        return nil
    }

    func ids(_ element: ADFXMLElement) -> [ADFIdentifier] {
        element.elements(named: "id").compactMap { id in
            guard let value = Self.text(id) else { return nil }
            return ADFIdentifier(value: value, sequence: id.attribute("sequence"), source: id.attribute("source"))
        }
    }

    /// Keeps in `extras` every child the model does not hold: unknown elements, and a second
    /// occurrence of an element read once (`known` but not `repeatable`).
    mutating func unknown(_ element: ADFXMLElement, known: Set<String>, repeatable: Set<String> = ["id"], path: String, prospectPath: String, extras: inout [ADFExtra]) {
        var seen = Set<String>()
        for child in element.elements {
            let key = ADFXMLReader.localKey(child.name)
            if known.contains(key) {
                if repeatable.contains(key) || seen.insert(key).inserted { continue }
                note("\(path)/\(child.name)", "another <\(child.name)> where ADF reads one; kept in extras")
            } else {
                note("\(path)/\(child.name)", "element not modelled; kept in extras")
            }
            extras.append(ADFExtra(path: "\(prospectPath)/\(child.name)", element: child.normalizedForWriting))
        }
    }

    // MARK: - Prospect

    mutating func prospect(_ element: ADFXMLElement, path: String) -> ADFProspect {
        var prospect = ADFProspect()
        prospect.status = choice(element, "status", ADFProspect.Status.self, path: path) ?? .new
        prospect.ids = ids(element)
        if let date = element.element(named: "requestdate") {
            prospect.requestDate = timestamp(date, path: "\(path)/requestdate")
        } else {
            note("\(path)/requestdate", "expected <requestdate>, found none")
        }
        var vehicleIndex = 0
        for vehicleElement in element.elements(named: "vehicle") {
            prospect.vehicles.append(vehicle(vehicleElement, path: "\(path)/vehicle[\(vehicleIndex)]", extras: &prospect.extras))
            vehicleIndex += 1
        }
        if vehicleIndex == 0 { note("\(path)/vehicle", "expected at least one <vehicle>, found none") }
        if let customerElement = element.element(named: "customer") {
            prospect.customer = customer(customerElement, path: "\(path)/customer", extras: &prospect.extras)
        } else {
            note("\(path)/customer", "expected <customer>, found none")
        }
        if let vendorElement = element.element(named: "vendor") {
            prospect.vendor = vendor(vendorElement, path: "\(path)/vendor", extras: &prospect.extras)
        } else {
            note("\(path)/vendor", "expected <vendor>, found none")
        }
        if let providerElement = element.element(named: "provider") {
            prospect.provider = provider(providerElement, path: "\(path)/provider", extras: &prospect.extras)
        }
        unknown(element, known: ["id", "requestdate", "vehicle", "customer", "vendor", "provider"], repeatable: ["id", "vehicle"],
                path: path, prospectPath: "prospect", extras: &prospect.extras)
        return prospect
    }

    mutating func timestamp(_ element: ADFXMLElement, path: String) -> ADFTimestamp? {
        guard let text = Self.text(element) else {
            note(path, "expected an ISO 8601 date-time, found an empty element (ignored)")
            return nil
        }
        switch ADFDateTimeText.parse(text, defaultOffsetMinutes: options.defaultUTCOffsetMinutes) {
        case .success(let parsed):
            for remark in parsed.remarks { note(path, remark) }
            return parsed.timestamp
        case .failure(let message):
            note(path, message + " (ignored)")
            return nil
        }
    }

    // MARK: - Vehicle

    mutating func vehicle(_ element: ADFXMLElement, path: String, extras: inout [ADFExtra]) -> ADFVehicle {
        var vehicle = ADFVehicle()
        vehicle.interest = choice(element, "interest", ADFVehicle.Interest.self, path: path,
                                  aliases: ["test drive": .testDrive, "testdrive": .testDrive, "tradein": .tradeIn, "trade in": .tradeIn]) ?? .buy
        vehicle.status = choice(element, "status", ADFVehicle.Status.self, path: path) ?? .new
        vehicle.ids = ids(element)
        if let year = element.element(named: "year") {
            vehicle.year = integer(year, path: "\(path)/year", what: "a model year")
        }
        vehicle.make = Self.text(element.element(named: "make"))
        vehicle.model = Self.text(element.element(named: "model"))
        if vehicle.year == nil || vehicle.make == nil || vehicle.model == nil {
            note(path, "expected year, make and model, found \([vehicle.year == nil ? "no year" : nil, vehicle.make == nil ? "no make" : nil, vehicle.model == nil ? "no model" : nil].compactMap { $0 }.joined(separator: ", "))")
        }
        vehicle.vin = Self.text(element.element(named: "vin"))
        vehicle.stock = Self.text(element.element(named: "stock"))
        vehicle.trim = Self.text(element.element(named: "trim"))
        vehicle.doors = Self.text(element.element(named: "doors"))
        vehicle.bodyStyle = Self.text(element.element(named: "bodystyle"))
        vehicle.transmission = Self.text(element.element(named: "transmission"))
        if let odometer = element.element(named: "odometer"), let value = integer(odometer, path: "\(path)/odometer", what: "an odometer reading") {
            vehicle.odometer = ADFOdometer(value: value,
                                           status: choice(odometer, "status", ADFOdometer.Status.self, path: "\(path)/odometer"),
                                           units: choice(odometer, "units", ADFOdometer.Units.self, path: "\(path)/odometer",
                                                         aliases: ["miles": .mi, "kilometers": .km, "kilometres": .km]))
        }
        if let condition = Self.text(element.element(named: "condition")) {
            if let value = ADFVehicle.Condition(rawValue: Self.key(condition)) { vehicle.condition = value } else {
                note("\(path)/condition", "expected excellent|good|fair|poor|unknown, found \"\(condition)\" (ignored)")
            }
        }
        for combination in element.elements(named: "colorcombination") {
            let preference = combination.element(named: "preference").flatMap { integer($0, path: "\(path)/colorcombination/preference", what: "a preference") }
            let colors = ADFColorCombination(interior: Self.text(combination.element(named: "interiorcolor")),
                                             exterior: Self.text(combination.element(named: "exteriorcolor")),
                                             preference: preference)
            if colors.interior != nil || colors.exterior != nil { vehicle.colorCombinations.append(colors) }
        }
        if let priceElement = element.element(named: "price"), let amount = money(priceElement, path: "\(path)/price") {
            var price = ADFPrice(amount: amount, kind: choice(priceElement, "type", ADFPrice.Kind.self, path: "\(path)/price") ?? .quote,
                                 currency: priceElement.attribute("currency"))
            price.delta = choice(priceElement, "delta", ADFPrice.Delta.self, path: "\(path)/price")
            price.relativeTo = choice(priceElement, "relativeto", ADFPrice.RelativeTo.self, path: "\(path)/price")
            price.source = priceElement.attribute("source")
            vehicle.price = price
        }
        vehicle.priceComments = Self.text(element.element(named: "pricecomments"))
        if let financeElement = element.element(named: "finance") {
            var finance = ADFFinance()
            if let method = Self.text(financeElement.element(named: "method")) {
                if let value = ADFFinance.Method(rawValue: Self.key(method)) { finance.method = value } else {
                    note("\(path)/finance/method", "expected cash|finance|lease, found \"\(method)\" (ignored)")
                }
            }
            for (index, amountElement) in financeElement.elements(named: "amount").enumerated() {
                let amountPath = "\(path)/finance/amount[\(index)]"
                guard let amount = money(amountElement, path: amountPath) else { continue }
                finance.amounts.append(ADFFinanceAmount(amount: amount,
                                                        kind: choice(amountElement, "type", ADFFinanceAmount.Kind.self, path: amountPath,
                                                                     aliases: ["down": .downpayment, "down-payment": .downpayment, "payment": .monthly]) ?? .total,
                                                        limit: choice(amountElement, "limit", ADFFinanceAmount.Limit.self, path: amountPath) ?? .maximum,
                                                        currency: amountElement.attribute("currency")))
            }
            if let balanceElement = financeElement.element(named: "balance"), let amount = money(balanceElement, path: "\(path)/finance/balance") {
                finance.balance = ADFBalance(amount: amount, kind: choice(balanceElement, "type", ADFBalance.Kind.self, path: "\(path)/finance/balance") ?? .finance,
                                             currency: balanceElement.attribute("currency"))
            }
            vehicle.finance = finance
        }
        vehicle.comments = Self.text(element.element(named: "comments"))
        let known: Set<String> = ["id", "year", "make", "model", "vin", "stock", "trim", "doors", "bodystyle", "transmission", "odometer",
                                  "condition", "colorcombination", "price", "pricecomments", "finance", "comments"]
        let vehiclePath = path.split(separator: "/").dropFirst().joined(separator: "/")
        unknown(element, known: known, repeatable: ["id", "colorcombination"], path: path, prospectPath: "prospect/\(vehiclePath)", extras: &extras)
        return vehicle
    }

    // MARK: - People

    mutating func contact(_ element: ADFXMLElement, path: String, requireReachable: Bool = false) -> ADFContact {
        var contact = ADFContact()
        if let primary = element.attribute("primarycontact") { contact.primaryContact = primary.trimmingXMLWhitespace() == "1" }
        for name in element.elements(named: "name") {
            guard let value = Self.text(name) else { continue }
            let part = choice(name, "part", ADFName.Part.self, path: "\(path)/name") ?? .full
            let kind = choice(name, "type", ADFName.Kind.self, path: "\(path)/name") ?? .individual
            contact.names.append(ADFName(value, part: part, kind: kind))
        }
        if contact.names.isEmpty { note(path, "expected at least one <name>, found none") }
        for email in element.elements(named: "email") {
            guard var address = Self.text(email) else { continue }
            if ADFXMLReader.asciiLowercased(String(address.prefix(7))) == "mailto:" {
                address = String(address.dropFirst(7)).trimmingXMLWhitespace()
                note("\(path)/email", "\"mailto:\" prefix removed")
                if address.isEmpty { continue }
            }
            if !Self.looksLikeEmail(address) { note("\(path)/email", "expected an email address, found \"\(address)\" (kept, flagged)") }
            contact.emails.append(ADFEmail(address, preferred: email.attribute("preferredcontact")?.trimmingXMLWhitespace() == "1"))
        }
        for phone in element.elements(named: "phone") {
            guard let number = Self.text(phone) else { continue }
            let kind = choice(phone, "type", ADFPhone.Kind.self, path: "\(path)/phone",
                              aliases: ["home": .voice, "work": .voice, "business": .voice, "mobile": .cellphone, "cell": .cellphone]) ?? .voice
            var read = ADFPhone(number, kind: kind,
                                time: choice(phone, "time", ADFPhone.Time.self, path: "\(path)/phone"),
                                preferred: phone.attribute("preferredcontact")?.trimmingXMLWhitespace() == "1")
            if let written = phone.attribute("type").map({ Self.key($0.trimmingXMLWhitespace()) }), !written.isEmpty, ADFPhone.Kind(rawValue: written) == nil {
                read.writtenType = written
            }
            contact.phones.append(read)
        }
        if requireReachable && contact.emails.isEmpty && contact.phones.isEmpty { note(path, "expected an email or a phone, found neither") }
        if let addressElement = element.element(named: "address") {
            var address = ADFAddress(kind: choice(addressElement, "type", ADFAddress.Kind.self, path: "\(path)/address"))
            address.streets = addressElement.elements(named: "street").compactMap { Self.text($0) }
            address.apartment = Self.text(addressElement.element(named: "apartment"))
            address.city = Self.text(addressElement.element(named: "city"))
            address.regionCode = Self.text(addressElement.element(named: "regioncode"))
            address.postalCode = Self.text(addressElement.element(named: "postalcode"))
            address.country = Self.text(addressElement.element(named: "country"))
            if !address.isEmpty { contact.address = address }
        }
        return contact
    }

    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(" ")
    }

    mutating func customer(_ element: ADFXMLElement, path: String, extras: inout [ADFExtra]) -> ADFCustomer {
        var customer = ADFCustomer()
        if let contactElement = element.element(named: "contact") {
            customer.contact = contact(contactElement, path: "\(path)/contact", requireReachable: true)
            unknown(contactElement, known: ["name", "email", "phone", "address"], repeatable: ["name", "email", "phone"],
                    path: "\(path)/contact", prospectPath: "prospect/customer/contact", extras: &extras)
        } else {
            note("\(path)/contact", "expected <contact>, found none")
        }
        customer.ids = ids(element)
        if let frame = element.element(named: "timeframe") {
            var timeframe = ADFTimeframe()
            if frame.elements.isEmpty {
                timeframe.description = Self.text(frame)   // the DTD copy declares timeframe as text
            } else {
                timeframe.description = Self.text(frame.element(named: "description"))
                timeframe.earliest = date(frame.element(named: "earliestdate"), path: "\(path)/timeframe/earliestdate")
                timeframe.latest = date(frame.element(named: "latestdate"), path: "\(path)/timeframe/latestdate")
            }
            if timeframe != ADFTimeframe() { customer.timeframe = timeframe }
        }
        customer.comments = Self.text(element.element(named: "comments"))
        unknown(element, known: ["contact", "id", "timeframe", "comments"], path: path, prospectPath: "prospect/customer", extras: &extras)
        return customer
    }

    /// The date part of a date or date-time.
    mutating func date(_ element: ADFXMLElement?, path: String) -> CivilDate? {
        guard let text = Self.text(element) else { return nil }
        if let date = try? CivilDate(parsing: text.prefix(10)) { return date }
        note(path, "expected a date such as 2024-05-14, found \"\(text)\" (ignored)")
        return nil
    }

    mutating func vendor(_ element: ADFXMLElement, path: String, extras: inout [ADFExtra]) -> ADFVendor {
        var vendor = ADFVendor()
        vendor.ids = ids(element)
        vendor.vendorName = Self.text(element.element(named: "vendorname"))
        vendor.url = Self.text(element.element(named: "url"))
        if let contactElement = element.element(named: "contact") {
            vendor.contact = contact(contactElement, path: "\(path)/contact")
        }
        if vendor.vendorName == nil {
            if let name = vendor.contact?.name(.full) ?? vendor.contact?.names.first?.value {
                vendor.vendorName = name
                note("\(path)/vendorname", "no <vendorname>; dealer name read from vendor/contact/name")
            } else {
                note("\(path)/vendorname", "expected the dealer's name, found none")
            }
        }
        unknown(element, known: ["id", "vendorname", "url", "contact"], path: path, prospectPath: "prospect/vendor", extras: &extras)
        return vendor
    }

    mutating func provider(_ element: ADFXMLElement, path: String, extras: inout [ADFExtra]) -> ADFProvider {
        var provider = ADFProvider()
        provider.ids = ids(element)
        if let nameElement = element.element(named: "name"), let value = Self.text(nameElement) {
            provider.name = ADFName(value, part: choice(nameElement, "part", ADFName.Part.self, path: "\(path)/name") ?? .full,
                                    kind: choice(nameElement, "type", ADFName.Kind.self, path: "\(path)/name") ?? .individual)
        }
        provider.service = Self.text(element.element(named: "service"))
        provider.url = Self.text(element.element(named: "url"))
        provider.email = Self.text(element.element(named: "email"))
        provider.phone = Self.text(element.element(named: "phone"))
        if let contactElement = element.element(named: "contact") {
            provider.contact = contact(contactElement, path: "\(path)/contact")
        }
        unknown(element, known: ["id", "name", "service", "url", "email", "phone", "contact"], path: path, prospectPath: "prospect/provider", extras: &extras)
        return provider
    }
}

/// Tolerant ISO 8601 date-time reading for `requestdate`.
enum ADFDateTimeText {
    struct Parsed {
        var timestamp: ADFTimestamp
        var remarks: [String]
    }

    enum Outcome {
        case success(Parsed)
        case failure(String)
    }

    /// Reads `YYYY-MM-DD[(T| )H[H]:MM[:SS[.fff]]][Z|±HH[:][MM]|±HH:M]`.
    static func parse(_ text: String, defaultOffsetMinutes: Int) -> Outcome {
        let bytes = Array(text.utf8)
        var index = 0
        var remarks: [String] = []
        func digits(_ minimum: Int, _ maximum: Int) -> Int? {
            var value = 0
            var count = 0
            while index < bytes.count, count < maximum, bytes[index] >= 48, bytes[index] <= 57 {
                value = value * 10 + Int(bytes[index] - 48)
                index += 1
                count += 1
            }
            return count >= minimum ? value : nil
        }
        func expect(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        let failure = Outcome.failure("expected an ISO 8601 date-time such as 2024-05-14T09:30:00-05:00, found \"\(text)\"")
        guard let year = digits(4, 4), expect(45), let month = digits(1, 2), expect(45), let day = digits(1, 2),
              let date = try? CivilDate(year: year, month: month, day: day) else { return failure }
        var hour = 0, minute = 0, second = 0
        if index < bytes.count, bytes[index] == 84 || bytes[index] == 116 || bytes[index] == 32 {
            index += 1
            let hourStart = index
            guard let h = digits(1, 2), expect(58), let m = digits(2, 2), h <= 23, m <= 59 else { return failure }
            hour = h; minute = m
            if expect(58) {
                guard let s = digits(2, 2), s <= 60 else { return failure }
                second = min(s, 59)
                if expect(46) || expect(44) {
                    guard digits(1, 9) != nil else { return failure }
                    remarks.append("fractional seconds dropped")
                }
            } else {
                remarks.append("no seconds; read as :00")
            }
            if bytes[hourStart + 1] == 58 { remarks.append("one-digit hour accepted") }
        } else {
            remarks.append("date only; read as midnight")
        }
        var offset = defaultOffsetMinutes
        var hadZone = false
        if index < bytes.count {
            if bytes[index] == 90 || bytes[index] == 122 {
                index += 1
                offset = 0
                hadZone = true
            } else if bytes[index] == 43 || bytes[index] == 45 {
                let negative = bytes[index] == 45
                index += 1
                guard let hours = digits(2, 2), hours <= 14 else { return failure }
                var minutes = 0
                if expect(58) {
                    let start = index
                    guard let value = digits(1, 2), value <= 59 else { return failure }
                    if index - start == 1 { remarks.append("truncated offset minutes \"\(value)\" read as \(value < 10 ? "0" : "")\(value)") }
                    minutes = value
                } else if let value = digits(2, 2) {
                    minutes = value
                }
                offset = (negative ? -1 : 1) * (hours * 60 + minutes)
                hadZone = true
            }
        }
        let rest = bytes[index...].filter { !($0 == 32 || $0 == 9 || $0 == 10 || $0 == 13) }
        guard rest.isEmpty else { return failure }
        if !hadZone { remarks.append("no time zone; dealer offset \(defaultOffsetMinutes) min applied") }
        let local = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        let instant = local - Int64(offset) * 60
        return .success(Parsed(timestamp: ADFTimestamp(secondsSinceEpoch: instant, utcOffsetMinutes: offset, hadZone: hadZone, raw: text), remarks: remarks))
    }

    /// `YYYY-MM-DDTHH:MM:SS±HH:MM` in the timestamp's offset (`+00:00` for UTC).
    /// - Throws: ``ADFWriteError`` at `path` for a local date outside the years 0001–9999.
    static func format(_ timestamp: ADFTimestamp, path: String) throws(ADFWriteError) -> String {
        let local = timestamp.secondsSinceEpoch + Int64(timestamp.utcOffsetMinutes) * 60
        var days = local / 86_400
        var seconds = local % 86_400
        if seconds < 0 { seconds += 86_400; days -= 1 }
        guard let date = try? CivilDate(daysSinceEpoch: Int(days)) else {
            throw ADFWriteError(path: path, message: "expected a date-time in the years 0001–9999, found \(timestamp.secondsSinceEpoch) seconds since 1970-01-01T00:00:00Z at offset \(timestamp.utcOffsetMinutes) minutes")
        }
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let offset = abs(timestamp.utcOffsetMinutes)
        let sign = timestamp.utcOffsetMinutes < 0 ? "-" : "+"
        return "\(date)T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))\(sign)\(two(Int64(offset / 60))):\(two(Int64(offset % 60)))"
    }
}
