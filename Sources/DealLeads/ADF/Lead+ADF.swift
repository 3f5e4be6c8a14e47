// DealFinance — exact deal finance. DealLeads/ADF: ADF prospect ↔ Lead (Documentation/Reference/Leads.md).

import DealDecimal
import DealEngine

/// A lead read from one ADF prospect, plus what the ``Lead`` record has no field for.
public struct ADFLeadImport: Sendable, Equatable {
    /// The lead (stage `"New"`, source from `provider`, created at `requestdate`).
    public var lead: Lead
    /// `prospect@status="resend"`: not a new lead; run the duplicate-window logic (Documentation/Leads.md).
    public var isResend: Bool
    /// `vendor/vendorname` (or `vendor/contact/name`): the dealership.
    public var dealerName: String?
    /// `vehicle/finance/method` of the primary vehicle.
    public var financingMethod: FinancingType?
    /// `vehicle@interest="test-drive"` on some vehicle: appointment intent.
    public var wantsTestDrive: Bool
    /// What the mapping could not use or had to guess.
    public var diagnostics: [ADFDiagnostic]
}

extension Lead {
    /// Maps an ADF prospect to a lead per Documentation/Reference/Leads.md:
    ///
    /// | ADF | Lead |
    /// |---|---|
    /// | `prospect/id` (+ `@source`, `@sequence`) | ``externalIDs`` (vehicle ids on the vehicle, `customer/id` → ``customerIDs``) |
    /// | `requestdate` | ``createdAt`` (else `receivedAt`) |
    /// | `vehicle` buy, lease, test-drive | ``vehicles`` (first = primary); `status` → condition; `odometer` → mileage in miles |
    /// | `vehicle` trade-in, sell | ``tradeIns`` (`price type="appraisal"` → allowance) |
    /// | `finance/amount` monthly / downpayment / total | ``desiredMonthlyPayment`` / ``downPayment`` / ``budget`` (maximum or minimum by `@limit`) |
    /// | `customer/contact` | ``contact``: every phone and email (``Contact/phones``, ``Contact/emails``), the preferred (else a mobile, else the first) as `phone`/`email`; `preferredcontact="1"` → preferred channel, a preferred cellphone → SMS |
    /// | `customer/timeframe` | ``timeframe`` |
    /// | `customer/comments` | the first activity: a customer ``ActivityKind/note(_:)`` at ``createdAt`` |
    /// | `provider/name`, `provider/service` | ``source`` (Payment Estimator, Drift, Dealer Website, Dealer Portal by name, else custom; none → `.adf`) and the whole ``provider`` |
    /// | `vendor` | ``vendor`` (name, url, ids) and ``ADFLeadImport/dealerName`` |
    /// | elements the model does not hold | ``extras`` (with where they were) |
    /// | `finance/method`, `@status` | ``ADFLeadImport`` fields |
    ///
    /// - Parameters:
    ///   - prospect: the prospect.
    ///   - id: the new lead's id.
    ///   - receivedAt: used when `requestdate` is missing or unreadable.
    ///
    /// ```swift
    /// let imported = Lead.fromADF(document.prospects[0], id: "L-1", receivedAt: asOf)
    /// imported.lead.vehicles[0].vin   // "1G4AH59H45G118341"
    /// ```
    public static func fromADF(_ prospect: ADFProspect, id: String, receivedAt: Instant) -> ADFLeadImport {
        var diagnostics: [ADFDiagnostic] = []
        let createdAt = prospect.requestDate.map { Instant(secondsSinceEpoch: Int($0.secondsSinceEpoch)) } ?? receivedAt
        if prospect.requestDate == nil {
            diagnostics.append(ADFDiagnostic(path: "prospect/requestdate", message: "no usable request date; received time \(receivedAt) used"))
        }
        var lead = Lead(id: id, createdAt: createdAt, source: source(of: prospect.provider))
        lead.externalIDs = identifiers(prospect.ids)
        var financing: FinancingType? = nil
        var wantsTestDrive = false
        var vehicleLocations: [String] = []
        for vehicle in prospect.vehicles {
            var mileage: Int? = nil
            if let odometer = vehicle.odometer {
                // 1 mi = 1.609344 km exactly; round to the nearest mile, ties away from zero.
                mileage = odometer.units == .km ? (odometer.value * 1_000_000 + 804_672) / 1_609_344 : odometer.value
            }
            switch vehicle.interest {
            case .tradeIn, .sell:
                var trade = TradeInVehicle(year: vehicle.year, make: vehicle.make, model: vehicle.model, trim: vehicle.trim, vin: vehicle.vin,
                                           mileage: mileage, allowance: vehicle.price?.kind == .appraisal ? vehicle.price?.amount : nil)
                trade.externalIDs = identifiers(vehicle.ids)
                vehicleLocations.append("tradeIns.\(lead.tradeIns.count)")
                lead.tradeIns.append(trade)
            case .buy, .lease, .testDrive:
                if vehicle.interest == .testDrive { wantsTestDrive = true }
                var interest = VehicleOfInterest(year: vehicle.year, make: vehicle.make, model: vehicle.model, trim: vehicle.trim, vin: vehicle.vin,
                                                 stockNumber: vehicle.stock, condition: vehicle.status == .new ? .new : .used, mileage: mileage,
                                                 vehicleType: vehicle.bodyStyle, price: vehicle.price?.amount, isPrimary: lead.vehicles.isEmpty)
                interest.externalIDs = identifiers(vehicle.ids)
                vehicleLocations.append("vehicles.\(lead.vehicles.count)")
                lead.vehicles.append(interest)
                if financing == nil {
                    financing = vehicle.finance?.method.map { FinancingType(rawValue: $0.rawValue)! } ?? (vehicle.interest == .lease ? .lease : nil)
                }
                for amount in vehicle.finance?.amounts ?? [] {
                    switch amount.kind {
                    case .monthly: if lead.desiredMonthlyPayment == nil { lead.desiredMonthlyPayment = amount.amount }
                    case .downpayment: if lead.downPayment == nil { lead.downPayment = amount.amount }
                    case .total:
                        var budget = lead.budget ?? BudgetRange(currency: amount.currency ?? "USD")
                        switch amount.limit {
                        case .maximum: budget.maximum = amount.amount
                        case .minimum: budget.minimum = amount.amount
                        case .exact: budget.minimum = amount.amount; budget.maximum = amount.amount
                        }
                        lead.budget = budget
                    }
                }
            }
        }
        if let contact = prospect.customer.contact {
            lead.contact = Self.contact(contact, path: "prospect/customer/contact", diagnostics: &diagnostics)
        }
        lead.customerIDs = identifiers(prospect.customer.ids)
        let vendor = prospect.vendor
        if vendor.vendorName != nil || vendor.url != nil || !vendor.ids.isEmpty {
            lead.vendor = LeadVendor(name: vendor.vendorName, url: vendor.url, ids: identifiers(vendor.ids))
        }
        if let provider = prospect.provider {
            lead.provider = LeadProvider(name: provider.name?.value, service: provider.service, url: provider.url, email: provider.email,
                                         phone: provider.phone, ids: identifiers(provider.ids),
                                         contact: provider.contact.map { Self.contact($0, path: "prospect/provider/contact", diagnostics: &diagnostics) })
        }
        // Parts the document holds and the record has no field for, kept as extras where they
        // belong (written back as the same elements, read back as the same parts).
        for (index, vehicle) in prospect.vehicles.enumerated() {
            lead.extras += unheldParts(of: vehicle, isTradeIn: vehicleLocations[index].hasPrefix("tradeIns."))
                .map { LeadExtra(at: vehicleLocations[index], element: $0) }
        }
        if let address = prospect.customer.contact?.address {   // the lead holds its postal and region codes only
            lead.extras.append(LeadExtra(at: "contact", element: ADFElementWriter.addressElement(address)))
        }
        if let contact = prospect.vendor.contact, contact != ADFContact(names: [ADFName(prospect.vendor.vendorName ?? "")]),
           let element = ADFElementWriter.contactElement(contact) {
            lead.extras.append(LeadExtra(at: "vendor", element: element))
        }
        for extra in prospect.extras {
            let parent = extra.parentPath
            var at = String(parent.dropFirst("prospect/".count))
            if parent == "prospect" {
                at = "prospect"
            } else if parent == "prospect/customer/contact" {
                at = "contact"
            } else if parent.hasPrefix("prospect/vehicle["), let index = Int(parent.dropFirst("prospect/vehicle[".count).dropLast()),
                      vehicleLocations.indices.contains(index) {
                at = vehicleLocations[index]
            }
            if !LeadExtra.isLocation(at) { at = "prospect" }
            lead.extras.append(LeadExtra(at: at, element: extra.element))
        }
        lead.extras = LeadExtra.inWritingOrder(lead.extras)
        if let frame = prospect.customer.timeframe {
            lead.timeframe = PurchaseTimeframe(description: frame.description, earliest: frame.earliest, latest: frame.latest)
        }
        if let comments = prospect.customer.comments {
            lead.record(Activity(id: "\(id)-1", at: createdAt, actor: .customer, kind: .note(comments)))
        }
        if prospect.status == .resend {
            diagnostics.append(ADFDiagnostic(path: "prospect", message: "status=\"resend\": not a new lead; attach it to an open lead within the duplicate window"))
        }
        return ADFLeadImport(lead: lead, isResend: prospect.status == .resend, dealerName: prospect.vendor.vendorName,
                             financingMethod: financing, wantsTestDrive: wantsTestDrive, diagnostics: diagnostics)
    }

    /// A vehicle's parts the lead's vehicle or trade-in has no field for, as ADF elements:
    /// doors, transmission, ADF condition, colour combinations, price comments, comments, and
    /// for a trade-in also stock and body style.
    static func unheldParts(of vehicle: ADFVehicle, isTradeIn: Bool) -> [ADFXMLElement] {
        var parts: [ADFXMLElement] = []
        func leaf(_ name: String, _ text: String?) {
            guard let text = nonBlank(text) else { return }
            parts.append(ADFXMLElement(name: name, children: [.text(text.trimmingXMLWhitespace())]))
        }
        if isTradeIn {
            leaf("stock", vehicle.stock)
            leaf("bodystyle", vehicle.bodyStyle)
        }
        leaf("doors", vehicle.doors)
        leaf("transmission", vehicle.transmission)
        leaf("condition", vehicle.condition?.rawValue)
        for colors in vehicle.colorCombinations {
            var element = ADFXMLElement(name: "colorcombination")
            if let interior = nonBlank(colors.interior) { element.children.append(.element(ADFXMLElement(name: "interiorcolor", children: [.text(interior.trimmingXMLWhitespace())]))) }
            if let exterior = nonBlank(colors.exterior) { element.children.append(.element(ADFXMLElement(name: "exteriorcolor", children: [.text(exterior.trimmingXMLWhitespace())]))) }
            if let preference = colors.preference { element.children.append(.element(ADFXMLElement(name: "preference", children: [.text(String(preference))]))) }
            if !element.children.isEmpty { parts.append(element) }
        }
        leaf("pricecomments", vehicle.priceComments)
        leaf("comments", vehicle.comments)
        return parts
    }

    static func identifiers(_ ids: [ADFIdentifier]) -> [ExternalLeadID] {
        ids.map { ExternalLeadID(source: $0.source, value: $0.value, sequence: $0.sequence) }
    }

    static func identifiers(_ ids: [ExternalLeadID]) -> [ADFIdentifier] {
        ids.map { ADFIdentifier(value: $0.value, sequence: $0.sequence, source: $0.source) }
    }

    /// An ADF contact as a lead contact: first/last (a lone full name split at its last space),
    /// every phone and email, the one to use, the preferred channel, postal and region codes.
    static func contact(_ contact: ADFContact, path: String, diagnostics: inout [ADFDiagnostic]) -> Contact {
        var mapped = Contact()
        mapped.firstName = contact.name(.first)
        mapped.lastName = contact.name(.last) ?? contact.name(.surname)
        if mapped.firstName == nil && mapped.lastName == nil, let full = contact.name(.full) ?? contact.names.first?.value {
            let words = full.split(separator: " ")
            if words.count >= 2 {
                mapped.firstName = words.dropLast().joined(separator: " ")
                mapped.lastName = String(words.last!)
                diagnostics.append(ADFDiagnostic(path: "\(path)/name", message: "full name \"\(full)\" split at its last space"))
            } else {
                mapped.lastName = full
            }
        }
        mapped.emails = contact.emails.map { ContactEmail($0.address, preferred: $0.preferred) }
        mapped.phones = contact.phones.map { ContactPhone($0.number, type: $0.writtenType ?? $0.kind.rawValue, time: $0.time, preferred: $0.preferred) }
        let email = mapped.preferredEmail
        mapped.email = email?.address
        let phone = mapped.preferredPhone
        mapped.phone = phone?.number
        if email?.preferred == true {
            mapped.preferredContact = .email
        } else if let phone, phone.preferred {
            mapped.preferredContact = phone.isMobile ? .sms : .phone
        }
        mapped.postalCode = contact.address?.postalCode
        mapped.regionCode = contact.address?.regionCode
        return mapped
    }

    /// A lead contact as an ADF contact: names, every email and phone (``Contact/email`` and
    /// ``Contact/phone`` first when the lists lack them), preference flags.
    static func adfContact(_ contact: Contact) -> ADFContact {
        var adf = ADFContact()
        if let first = nonBlank(contact.firstName) { adf.names.append(ADFName(first, part: .first)) }
        if let last = nonBlank(contact.lastName) { adf.names.append(ADFName(last, part: .last)) }
        let preferred = contact.preferredContact
        if let email = nonBlank(contact.email), !contact.emails.contains(where: { $0.address == email }) {
            adf.emails.append(ADFEmail(email, preferred: preferred == .email))
        }
        adf.emails += contact.emails.map { ADFEmail($0.address, preferred: $0.preferred) }
        if let phone = nonBlank(contact.phone), !contact.phones.contains(where: { $0.number == phone }) {
            adf.phones.append(ADFPhone(phone, kind: preferred == .sms ? .cellphone : .voice, preferred: preferred == .sms || preferred == .phone))
        }
        for phone in contact.phones {
            var adfPhone = ADFPhone(phone.number, kind: phone.adfKind, time: phone.time, preferred: phone.preferred)
            if ADFPhone.Kind(rawValue: phone.type) == nil { adfPhone.writtenType = ADFXMLReader.asciiLowercased(phone.type) }
            adf.phones.append(adfPhone)
        }
        return adf
    }

    static func nonBlank(_ text: String?) -> String? {
        guard let text, !text.trimmingXMLWhitespace().isEmpty else { return nil }
        return text
    }

    /// The lead source named by an ADF `provider`.
    static func source(of provider: ADFProvider?) -> LeadSource {
        guard let provider else { return .adf }
        let words = [provider.service, provider.name?.value].compactMap { $0 }.map { ADFXMLReader.asciiLowercased($0) }
        if let name = provider.name?.value, let named = LeadSource(text: name), named != .adf, provider.service == name || provider.service == nil {
            return named
        }
        for text in words {
            if text.contains("payment estimator") { return .paymentEstimator }
            if text.contains("drift") { return .drift }
            if text.contains("dealer website") { return .dealerWebsite }
            if text.contains("dealer portal") { return .dealerPortal }
        }
        if let name = provider.name?.value { return .custom(name) }
        return .adf
    }

    /// The lead as an ADF prospect (the reverse of ``fromADF(_:id:receivedAt:)``), ready for
    /// ``AutoLeadDocument/xml()``. The first activity that is a customer note becomes
    /// `customer/comments`; ``source`` becomes `provider` (none for `.adf`); `requestdate` is
    /// ``createdAt`` in UTC. Not written, because ADF requires a street line the lead does not
    /// hold: the postal and region codes.
    ///
    /// - Parameters:
    ///   - dealerName: `vendor/vendorname` (required by ADF).
    ///   - financingMethod: `finance/method` when the lead has payment or budget amounts
    ///     (default `finance`).
    ///   - isResend: whether to mark the prospect `status="resend"` (a lead sent again).
    ///
    /// ```swift
    /// let text = try AutoLeadDocument(prospects: [lead.adfProspect(dealerName: "Example Motors")]).xml()
    /// ```
    public func adfProspect(dealerName: String, financingMethod: FinancingType? = nil, isResend: Bool = false) -> ADFProspect {
        var prospect = ADFProspect()
        prospect.status = isResend ? .resend : .new
        prospect.ids = Self.identifiers(externalIDs)
        prospect.requestDate = ADFTimestamp(secondsSinceEpoch: Int64(createdAt.secondsSinceEpoch))
        for (index, vehicle) in vehicles.enumerated() {
            var adf = ADFVehicle(interest: financingMethod == .lease ? .lease : .buy, status: vehicle.condition == .new ? .new : .used,
                                 year: vehicle.year, make: vehicle.make, model: vehicle.model)
            adf.vin = vehicle.vin
            adf.stock = vehicle.stockNumber
            adf.trim = vehicle.trim
            adf.bodyStyle = vehicle.vehicleType
            adf.odometer = vehicle.mileage.map { ADFOdometer(value: $0, units: .mi) }
            adf.price = vehicle.price.map { ADFPrice(amount: $0, kind: .quote) }
            adf.ids = Self.identifiers(vehicle.externalIDs)
            if index == 0 {
                var amounts: [ADFFinanceAmount] = []
                if let down = downPayment { amounts.append(ADFFinanceAmount(amount: down, kind: .downpayment, limit: .exact)) }
                if let monthly = desiredMonthlyPayment { amounts.append(ADFFinanceAmount(amount: monthly, kind: .monthly, limit: .maximum)) }
                if let budget {
                    if let minimum = budget.minimum, minimum == budget.maximum {
                        amounts.append(ADFFinanceAmount(amount: minimum, kind: .total, limit: .exact, currency: budget.currency))
                    } else {
                        if let minimum = budget.minimum { amounts.append(ADFFinanceAmount(amount: minimum, kind: .total, limit: .minimum, currency: budget.currency)) }
                        if let maximum = budget.maximum { amounts.append(ADFFinanceAmount(amount: maximum, kind: .total, limit: .maximum, currency: budget.currency)) }
                    }
                }
                if !amounts.isEmpty {   // ADF's finance needs at least one amount; a lease alone is the vehicle's interest
                    adf.finance = ADFFinance(method: ADFFinance.Method(rawValue: (financingMethod ?? .finance).rawValue), amounts: amounts)
                }
            }
            prospect.vehicles.append(adf)
        }
        for tradeIn in tradeIns {
            var adf = ADFVehicle(interest: .tradeIn, status: .used, year: tradeIn.year, make: tradeIn.make, model: tradeIn.model)
            adf.vin = tradeIn.vin
            adf.trim = tradeIn.trim
            adf.odometer = tradeIn.mileage.map { ADFOdometer(value: $0, units: .mi) }
            adf.price = tradeIn.allowance.map { ADFPrice(amount: $0, kind: .appraisal) }
            adf.ids = Self.identifiers(tradeIn.externalIDs)
            prospect.vehicles.append(adf)
        }
        let contact = Self.adfContact(self.contact)
        prospect.customer = ADFCustomer(contact: contact)
        prospect.customer.ids = Self.identifiers(customerIDs)
        if let timeframe { prospect.customer.timeframe = ADFTimeframe(description: timeframe.description, earliest: timeframe.earliest, latest: timeframe.latest) }
        for activity in activities.timeline where activity.actor == .customer {
            if case .note(let text) = activity.kind { prospect.customer.comments = text; break }
        }
        prospect.vendor = ADFVendor(vendorName: dealerName)
        prospect.vendor.url = vendor?.url
        prospect.vendor.ids = Self.identifiers(vendor?.ids ?? [])
        prospect.provider = adfProvider()
        prospect.extras = extras.map { extra in
            let parent: String
            if extra.at.hasPrefix("vehicles.") {
                parent = "prospect/vehicle[\(extra.at.dropFirst("vehicles.".count))]"
            } else if extra.at.hasPrefix("tradeIns."), let index = Int(extra.at.dropFirst("tradeIns.".count)) {
                parent = "prospect/vehicle[\(vehicles.count + index)]"
            } else if extra.at == "contact" {
                parent = "prospect/customer/contact"
            } else {
                parent = extra.at == "prospect" ? "prospect" : "prospect/\(extra.at)"
            }
            return ADFExtra(path: "\(parent)/\(extra.element.name)", element: extra.element)
        }
        return prospect
    }

    /// ``provider`` as ADF (its name defaulting to the source's), else one named by ``source``
    /// (none for `.adf`).
    func adfProvider() -> ADFProvider? {
        var derived: ADFProvider?
        switch source {
        case .adf: derived = nil
        case .custom(let name): derived = ADFProvider(name: name)
        case .paymentEstimator: derived = ADFProvider(name: "Payment Estimator", service: "Payment Estimator")
        case .drift: derived = ADFProvider(name: "Drift", service: "Drift")
        case .dealerWebsite: derived = ADFProvider(name: "Dealer Website", service: "Dealer Website")
        case .dealerPortal: derived = ADFProvider(name: "Dealer Portal", service: "Dealer Portal")
        default: derived = ADFProvider(name: source.text, service: source.text)
        }
        guard let provider else { return derived }
        var adf = ADFProvider(name: Self.nonBlank(provider.name) ?? derived?.name?.value ?? source.text, service: provider.service)
        adf.url = provider.url
        adf.email = provider.email
        adf.phone = provider.phone
        adf.ids = Self.identifiers(provider.ids)
        adf.contact = provider.contact.map(Self.adfContact)
        return adf
    }
}
