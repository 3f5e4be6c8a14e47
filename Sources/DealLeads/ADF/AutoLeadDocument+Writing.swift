// DealFinance — exact deal finance. DealLeads/ADF: strict ADF 1.0 output.

/// Why a document cannot be written as valid ADF: the first required part that is missing.
public struct ADFWriteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Slash path of the missing part, e.g. `prospect[0]/vehicle[0]/make`.
    public var path: String
    /// What was expected and what was found.
    public var message: String

    public var description: String { "\(path): \(message)" }
}

extension AutoLeadDocument {
    /// The document as strict ADF 1.0 XML (Documentation/Reference/Leads.md "generate strictly"):
    /// the XML declaration first, then `<?adf version="1.0"?>`, elements in DTD order,
    /// enumerated attribute values only, `requestdate` as `YYYY-MM-DDTHH:MM:SS±HH:MM`, amounts
    /// as plain decimals, text escaped, UTF-8, two-space indentation, a final newline. What was
    /// read is written back: extras (unmodelled elements) at the end of their parent element,
    /// a phone type a sender wrote outside ADF's list (``ADFPhone/writtenType``) as written.
    ///
    /// - Throws: ``ADFWriteError`` when a part ADF requires is missing: a prospect's
    ///   `requestdate`, at least one vehicle with year, make and model, the customer's contact
    ///   with a name and an email or phone, and the vendor's name.
    ///
    /// ```swift
    /// let text = try document.xml()
    /// text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?adf version=\"1.0\"?>\n<adf>")   // true
    /// ```
    public func xml() throws(ADFWriteError) -> String {
        guard !prospects.isEmpty else { throw ADFWriteError(path: "adf", message: "expected at least one prospect, found none") }
        var root = ADFXMLElement(name: "adf")
        for (index, prospect) in prospects.enumerated() {
            root.children.append(.element(try ADFElementWriter.prospect(prospect, path: "prospect[\(index)]")))
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?adf version=\"1.0\"?>\n" + ADFXMLWriter.write(root, indent: 0)
    }
}

/// Builds the element tree in DTD order.
enum ADFElementWriter {
    static func leaf(_ name: String, _ text: String, _ attributes: [(name: String, value: String)] = []) -> ADFXMLNode {
        .element(ADFXMLElement(name: name, attributes: attributes, children: [.text(text)]))
    }

    static func ids(_ ids: [ADFIdentifier]) -> [ADFXMLNode] {
        ids.map { id in
            var attributes: [(name: String, value: String)] = []
            if let sequence = id.sequence { attributes.append(("sequence", sequence)) }
            if let source = id.source { attributes.append(("source", source)) }
            return leaf("id", id.value, attributes)
        }
    }

    static func nonEmpty(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingXMLWhitespace(), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    static func prospect(_ prospect: ADFProspect, path: String) throws(ADFWriteError) -> ADFXMLElement {
        var element = ADFXMLElement(name: "prospect", attributes: [("status", prospect.status.rawValue)])
        element.children += ids(prospect.ids)
        guard let date = prospect.requestDate else {
            throw ADFWriteError(path: "\(path)/requestdate", message: "expected the request date-time, found none")
        }
        element.children.append(leaf("requestdate", try ADFDateTimeText.format(date, path: "\(path)/requestdate")))
        guard !prospect.vehicles.isEmpty else {
            throw ADFWriteError(path: "\(path)/vehicle", message: "expected at least one vehicle, found none")
        }
        for (index, vehicle) in prospect.vehicles.enumerated() {
            element.children.append(.element(try self.vehicle(vehicle, path: "\(path)/vehicle[\(index)]")))
        }
        element.children.append(.element(try customer(prospect.customer, path: "\(path)/customer")))
        element.children.append(.element(try vendor(prospect.vendor, path: "\(path)/vendor")))
        if let provider = prospect.provider {
            element.children.append(.element(try self.provider(provider, path: "\(path)/provider")))
        }
        return placing(prospect.extras, in: element)
    }

    /// Appends each extra to the end of the element its ``ADFExtra/parentPath`` names
    /// (`prospect`, `prospect/vehicle[i]`, `prospect/customer`, `prospect/customer/contact`,
    /// `prospect/vendor`, `prospect/provider`); an extra whose parent is not written goes to
    /// the prospect's end.
    static func placing(_ extras: [ADFExtra], in prospect: ADFXMLElement) -> ADFXMLElement {
        guard !extras.isEmpty else { return prospect }
        var element = prospect
        var placed = Set<Int>()
        var vehicleIndex = 0
        for index in element.children.indices {
            guard case .element(var child) = element.children[index] else { continue }
            let parent: String
            switch child.name {
            case "vehicle": parent = "prospect/vehicle[\(vehicleIndex)]"; vehicleIndex += 1
            case "customer", "vendor", "provider": parent = "prospect/\(child.name)"
            default: continue
            }
            if child.name == "customer", let contactIndex = child.children.firstIndex(where: { if case .element(let e) = $0 { return e.name == "contact" } else { return false } }),
               case .element(var contact) = child.children[contactIndex] {
                for (number, extra) in extras.enumerated() where extra.parentPath == "prospect/customer/contact" {
                    contact.children.append(.element(extra.element))
                    placed.insert(number)
                }
                child.children[contactIndex] = .element(contact)
            }
            for (number, extra) in extras.enumerated() where extra.parentPath == parent {
                child.children.append(.element(extra.element))
                placed.insert(number)
            }
            element.children[index] = .element(child)
        }
        for (number, extra) in extras.enumerated() where !placed.contains(number) {
            element.children.append(.element(extra.element))
        }
        return element
    }

    static func currency(_ code: String?) -> [(name: String, value: String)] {
        guard let code = nonEmpty(code) else { return [] }
        return [("currency", code)]
    }

    static func vehicle(_ vehicle: ADFVehicle, path: String) throws(ADFWriteError) -> ADFXMLElement {
        var element = ADFXMLElement(name: "vehicle", attributes: [("interest", vehicle.interest.rawValue), ("status", vehicle.status.rawValue)])
        element.children += ids(vehicle.ids)
        guard let year = vehicle.year, (1...9999).contains(year) else {
            throw ADFWriteError(path: "\(path)/year", message: "expected a model year in 1...9999, found \(vehicle.year.map(String.init) ?? "none")")
        }
        guard let make = nonEmpty(vehicle.make) else { throw ADFWriteError(path: "\(path)/make", message: "expected the make, found none") }
        guard let model = nonEmpty(vehicle.model) else { throw ADFWriteError(path: "\(path)/model", message: "expected the model, found none") }
        element.children += [leaf("year", String(year)), leaf("make", make), leaf("model", model)]
        for (name, value) in [("vin", vehicle.vin), ("stock", vehicle.stock), ("trim", vehicle.trim), ("doors", vehicle.doors),
                              ("bodystyle", vehicle.bodyStyle), ("transmission", vehicle.transmission)] {
            if let value = nonEmpty(value) { element.children.append(leaf(name, value)) }
        }
        if let odometer = vehicle.odometer {
            var attributes: [(name: String, value: String)] = []
            if let status = odometer.status { attributes.append(("status", status.rawValue)) }
            if let units = odometer.units { attributes.append(("units", units.rawValue)) }
            element.children.append(leaf("odometer", String(odometer.value), attributes))
        }
        if let condition = vehicle.condition { element.children.append(leaf("condition", condition.rawValue)) }
        for colors in vehicle.colorCombinations where nonEmpty(colors.interior) != nil || nonEmpty(colors.exterior) != nil {
            var combination = ADFXMLElement(name: "colorcombination")
            if let interior = nonEmpty(colors.interior) { combination.children.append(leaf("interiorcolor", interior)) }
            if let exterior = nonEmpty(colors.exterior) { combination.children.append(leaf("exteriorcolor", exterior)) }
            if let preference = colors.preference { combination.children.append(leaf("preference", String(preference))) }
            element.children.append(.element(combination))
        }
        if let price = vehicle.price {
            var attributes: [(name: String, value: String)] = [("type", price.kind.rawValue)]
            attributes += currency(price.currency)
            if let delta = price.delta { attributes.append(("delta", delta.rawValue)) }
            if let relativeTo = price.relativeTo { attributes.append(("relativeto", relativeTo.rawValue)) }
            if let source = nonEmpty(price.source) { attributes.append(("source", source)) }
            element.children.append(leaf("price", price.amount.description, attributes))
        }
        if let comments = nonEmpty(vehicle.priceComments) { element.children.append(leaf("pricecomments", comments)) }
        if let finance = vehicle.finance, finance.method != nil || !finance.amounts.isEmpty || finance.balance != nil {
            var financeElement = ADFXMLElement(name: "finance")
            guard let method = finance.method else {
                throw ADFWriteError(path: "\(path)/finance/method", message: "expected the finance method (cash, finance or lease), found none")
            }
            guard !finance.amounts.isEmpty else {
                throw ADFWriteError(path: "\(path)/finance/amount", message: "expected at least one finance amount, found none")
            }
            financeElement.children.append(leaf("method", method.rawValue))
            for amount in finance.amounts {
                financeElement.children.append(leaf("amount", amount.amount.description,
                                                    [("type", amount.kind.rawValue), ("limit", amount.limit.rawValue)] + currency(amount.currency)))
            }
            if let balance = finance.balance {
                financeElement.children.append(leaf("balance", balance.amount.description, [("type", balance.kind.rawValue)] + currency(balance.currency)))
            }
            element.children.append(.element(financeElement))
        }
        if let comments = nonEmpty(vehicle.comments) { element.children.append(leaf("comments", comments)) }
        return element
    }

    static func name(_ name: ADFName) -> ADFXMLNode {
        leaf("name", name.value, [("part", name.part.rawValue), ("type", name.kind.rawValue)])
    }

    /// A contact as an element for extras: nil without a name; an address without a street
    /// line (which ADF requires) is left out.
    static func contactElement(_ contact: ADFContact) -> ADFXMLElement? {
        if let element = try? self.contact(contact, path: "", requireReachable: false) { return element }
        var withoutAddress = contact
        withoutAddress.address = nil
        return try? self.contact(withoutAddress, path: "", requireReachable: false)
    }

    static func contact(_ contact: ADFContact, path: String, requireReachable: Bool) throws(ADFWriteError) -> ADFXMLElement {
        var element = ADFXMLElement(name: "contact")
        if let primary = contact.primaryContact { element.attributes.append(("primarycontact", primary ? "1" : "0")) }
        let names = contact.names.filter { nonEmpty($0.value) != nil }
        guard !names.isEmpty else { throw ADFWriteError(path: "\(path)/name", message: "expected at least one name, found none") }
        element.children += names.map { name(ADFName($0.value.trimmingXMLWhitespace(), part: $0.part, kind: $0.kind)) }
        let emails = contact.emails.filter { nonEmpty($0.address) != nil }
        let phones = contact.phones.filter { nonEmpty($0.number) != nil }
        if requireReachable && emails.isEmpty && phones.isEmpty {
            throw ADFWriteError(path: path, message: "expected an email or a phone, found neither")
        }
        for email in emails {
            element.children.append(leaf("email", email.address.trimmingXMLWhitespace(), [("preferredcontact", email.preferred ? "1" : "0")]))
        }
        for phone in phones {
            var attributes: [(name: String, value: String)] = [("type", nonEmpty(phone.writtenType) ?? phone.kind.rawValue)]
            if let time = phone.time { attributes.append(("time", time.rawValue)) }
            attributes.append(("preferredcontact", phone.preferred ? "1" : "0"))
            element.children.append(leaf("phone", phone.number.trimmingXMLWhitespace(), attributes))
        }
        if let address = contact.address, !address.isEmpty {
            guard !address.streets.compactMap(nonEmpty).isEmpty else {
                throw ADFWriteError(path: "\(path)/address/street", message: "expected at least one street line in the address, found none")
            }
            element.children.append(.element(addressElement(address)))
        }
        return element
    }

    /// `address` with its parts in DTD order (at most 5 street lines); no part is required, so
    /// an address kept as an extra is written as it was read.
    static func addressElement(_ address: ADFAddress) -> ADFXMLElement {
        var element = ADFXMLElement(name: "address")
        if let kind = address.kind { element.attributes.append(("type", kind.rawValue)) }
        for (index, street) in address.streets.compactMap(nonEmpty).prefix(5).enumerated() {
            element.children.append(leaf("street", street, [("line", String(index + 1))]))
        }
        for (tag, value) in [("apartment", address.apartment), ("city", address.city), ("regioncode", address.regionCode),
                             ("postalcode", address.postalCode), ("country", address.country)] {
            if let value = nonEmpty(value) { element.children.append(leaf(tag, value)) }
        }
        return element
    }

    static func customer(_ customer: ADFCustomer, path: String) throws(ADFWriteError) -> ADFXMLElement {
        var element = ADFXMLElement(name: "customer")
        guard let contact = customer.contact else { throw ADFWriteError(path: "\(path)/contact", message: "expected the customer's contact, found none") }
        element.children.append(.element(try self.contact(contact, path: "\(path)/contact", requireReachable: true)))
        element.children += ids(customer.ids)
        if let timeframe = customer.timeframe, timeframe.earliest != nil || timeframe.latest != nil || nonEmpty(timeframe.description) != nil {
            var frame = ADFXMLElement(name: "timeframe")
            if let description = nonEmpty(timeframe.description) { frame.children.append(leaf("description", description)) }
            if let earliest = timeframe.earliest { frame.children.append(leaf("earliestdate", earliest.description)) }
            if let latest = timeframe.latest { frame.children.append(leaf("latestdate", latest.description)) }
            element.children.append(.element(frame))
        }
        if let comments = nonEmpty(customer.comments) { element.children.append(leaf("comments", comments)) }
        return element
    }

    static func vendor(_ vendor: ADFVendor, path: String) throws(ADFWriteError) -> ADFXMLElement {
        var element = ADFXMLElement(name: "vendor")
        element.children += ids(vendor.ids)
        guard let vendorName = nonEmpty(vendor.vendorName) else {
            throw ADFWriteError(path: "\(path)/vendorname", message: "expected the dealership's name, found none")
        }
        element.children.append(leaf("vendorname", vendorName))
        if let url = nonEmpty(vendor.url) { element.children.append(leaf("url", url)) }
        let contact = vendor.contact ?? ADFContact(names: [ADFName(vendorName)])
        element.children.append(.element(try self.contact(contact, path: "\(path)/contact", requireReachable: false)))
        return element
    }

    static func provider(_ provider: ADFProvider, path: String) throws(ADFWriteError) -> ADFXMLElement {
        var element = ADFXMLElement(name: "provider")
        element.children += ids(provider.ids)
        guard let providerName = provider.name, nonEmpty(providerName.value) != nil else {
            throw ADFWriteError(path: "\(path)/name", message: "expected the provider's name, found none")
        }
        element.children.append(name(ADFName(providerName.value.trimmingXMLWhitespace(), part: providerName.part, kind: providerName.kind)))
        for (tag, value) in [("service", provider.service), ("url", provider.url), ("email", provider.email), ("phone", provider.phone)] {
            if let value = nonEmpty(value) { element.children.append(leaf(tag, value)) }
        }
        if let contact = provider.contact {
            element.children.append(.element(try self.contact(contact, path: "\(path)/contact", requireReachable: false)))
        }
        return element
    }
}
