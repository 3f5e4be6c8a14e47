// DealFinance — exact deal finance. DealRequests: ids, every phone and email, vendor, provider
// and extras of a lead in JSON (Vectors/README.md "Leads").

import DealEngine
import DealJSON
import DealLeads

extension LeadJSON {
    /// Deepest nesting of an extra element in JSON.
    static let maximumExtraDepth = 16

    // MARK: - Decoding

    /// `[{value, source?, sequence?}]`, empty when absent.
    static func ids(_ fields: inout FieldReader, _ key: String) throws(DealError) -> [ExternalLeadID] {
        guard let elements = try fields.array(key, limit: maximumItems) else { return [] }
        var result: [ExternalLeadID] = []
        for element in elements {
            var item = try FieldReader(element.value, path: element.path)
            result.append(ExternalLeadID(source: try item.string("source"), value: try item.requiredString("value"), sequence: try item.string("sequence")))
            try item.finish()
        }
        return result
    }

    /// `phones: [{number, type?, time?, preferred?}]` and `emails: [{address, preferred?}]`.
    static func channels(_ fields: inout FieldReader, into contact: inout Contact) throws(DealError) {
        if let elements = try fields.array("phones", limit: maximumItems) {
            for element in elements {
                var item = try FieldReader(element.value, path: element.path)
                let number = try item.requiredString("number")
                let type = try item.string("type") ?? "voice"
                // What an ADF reader can give back: lower-case ASCII, no control characters, no
                // surrounding spaces (an attribute value is read trimmed and lower-cased).
                guard !type.isEmpty, type.utf8.count <= 64, type.first != " ", type.last != " ",
                      type.unicodeScalars.allSatisfy({ $0.value >= 0x20 && !(0x41...0x5A).contains($0.value) && $0.value != 0x7F }) else {
                    throw DealError.invalidArgument(item.path("type"), "expected a lower-case phone type such as \"voice\", \"cellphone\" or \"home\", found \"\(FieldReader.excerpt(type))\"")
                }
                contact.phones.append(ContactPhone(number, type: type, time: try item.choice("time", ADFPhone.Time.self), preferred: try item.bool("preferred") ?? false))
                try item.finish()
            }
        }
        if let elements = try fields.array("emails", limit: maximumItems) {
            for element in elements {
                var item = try FieldReader(element.value, path: element.path)
                contact.emails.append(ContactEmail(try item.requiredString("address"), preferred: try item.bool("preferred") ?? false))
                try item.finish()
            }
        }
        if contact.phone == nil { contact.phone = contact.preferredPhone?.number }
        if contact.email == nil { contact.email = contact.preferredEmail?.address }
    }

    /// `vendor`, `provider`, `customerIDs` and `extras` of a lead.
    static func origin(_ fields: inout FieldReader, into lead: inout Lead) throws(DealError) {
        lead.customerIDs = try ids(&fields, "customerIDs")
        if var vendor = try fields.object("vendor") {
            lead.vendor = LeadVendor(name: try vendor.string("name"), url: try vendor.string("url"), ids: try ids(&vendor, "ids"))
            try vendor.finish()
        }
        if var provider = try fields.object("provider") {
            var value = LeadProvider(name: try provider.string("name"), service: try provider.string("service"), url: try provider.string("url"),
                                     email: try provider.string("email"), phone: try provider.string("phone"), ids: try ids(&provider, "ids"))
            if let contact = try provider.object("contact") { value.contact = try Self.contact(contact) }
            try provider.finish()
            lead.provider = value
        }
        if let elements = try fields.array("extras", limit: maximumItems) {
            for element in elements {
                var item = try FieldReader(element.value, path: element.path)
                let at = try item.requiredString("at")
                guard LeadExtra.isLocation(at) else {
                    throw DealError.invalidArgument(item.path("at"), "expected \"prospect\", \"customer\", \"contact\", \"vendor\", \"provider\", \"vehicles.N\" or \"tradeIns.N\", found \"\(FieldReader.excerpt(at))\"")
                }
                lead.extras.append(LeadExtra(at: at, element: try xmlElement(&item, depth: 0).normalizedForWriting))   // as an export reads back
                try item.finish()
            }
        }
    }

    /// `{name, attributes?: [{name, value}], text?, children?: [element]}` as an XML element.
    static func xmlElement(_ fields: inout FieldReader, depth: Int) throws(DealError) -> ADFXMLElement {
        let name = try fields.requiredString("name")
        guard isXMLName(name) else { throw DealError.invalidArgument(fields.path("name"), "expected an XML element name such as \"leadtype\", found \"\(FieldReader.excerpt(name))\"") }
        var element = ADFXMLElement(name: name)
        if let attributes = try fields.array("attributes", limit: 64) {
            for attribute in attributes {
                var item = try FieldReader(attribute.value, path: attribute.path)
                let attributeName = try item.requiredString("name")
                guard isXMLName(attributeName), !element.attributes.contains(where: { $0.name == attributeName }) else {
                    throw DealError.invalidArgument(item.path("name"), "expected a new XML attribute name, found \"\(FieldReader.excerpt(attributeName))\"")
                }
                element.attributes.append((attributeName, try item.requiredString("value")))
                try item.finish()
            }
        }
        if let text = try fields.string("text"), !text.isEmpty { element.children.append(.text(text)) }
        if let children = try fields.array("children", limit: maximumItems) {
            guard depth < maximumExtraDepth else { throw DealError.invalidArgument(fields.path("children"), "expected extras nested at most \(maximumExtraDepth) deep, found deeper") }
            for child in children {
                var item = try FieldReader(child.value, path: child.path)
                element.children.append(.element(try xmlElement(&item, depth: depth + 1)))
                try item.finish()
            }
        }
        return element
    }

    /// An XML 1.0 name: a letter, `_`, `:` or non-ASCII first, then also digits, `-` and `.`.
    static func isXMLName(_ text: String) -> Bool {
        guard let first = text.utf8.first, text.utf8.count <= 200 else { return false }
        func start(_ byte: UInt8) -> Bool { (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 95 || byte == 58 || byte >= 0x80 }
        return start(first) && text.utf8.allSatisfy { start($0) || ($0 >= 48 && $0 <= 57) || $0 == 45 || $0 == 46 }
    }

    // MARK: - Encoding

    static func json(_ ids: [ExternalLeadID]) -> JSONValue {
        .array(ids.map { id in
            var e = JSONObject()
            if let source = id.source { e["source"] = .string(source) }
            e["value"] = .string(id.value)
            if let sequence = id.sequence { e["sequence"] = .string(sequence) }
            return .object(e)
        })
    }

    static func channels(_ contact: Contact, into o: inout JSONObject) {
        if !contact.phones.isEmpty {
            o["phones"] = .array(contact.phones.map { phone in
                var p = JSONObject([("number", .string(phone.number)), ("type", .string(phone.type))])
                if let time = phone.time { p["time"] = .string(time.rawValue) }
                p["preferred"] = .bool(phone.preferred)
                return .object(p)
            })
        }
        if !contact.emails.isEmpty {
            o["emails"] = .array(contact.emails.map { .object(JSONObject([("address", .string($0.address)), ("preferred", .bool($0.preferred))])) })
        }
    }

    static func origin(_ lead: Lead, into o: inout JSONObject) {
        if !lead.customerIDs.isEmpty { o["customerIDs"] = json(lead.customerIDs) }
        if let vendor = lead.vendor {
            var v = JSONObject()
            if let name = vendor.name { v["name"] = .string(name) }
            if let url = vendor.url { v["url"] = .string(url) }
            if !vendor.ids.isEmpty { v["ids"] = json(vendor.ids) }
            o["vendor"] = .object(v)
        }
        if let provider = lead.provider {
            var p = JSONObject()
            for (key, value) in [("name", provider.name), ("service", provider.service), ("url", provider.url), ("email", provider.email), ("phone", provider.phone)] {
                if let value { p[key] = .string(value) }
            }
            if !provider.ids.isEmpty { p["ids"] = json(provider.ids) }
            if let contact = provider.contact { p["contact"] = json(contact) }
            o["provider"] = .object(p)
        }
        if !lead.extras.isEmpty {
            o["extras"] = .array(lead.extras.map { extra in
                var e = JSONObject([("at", .string(extra.at))])
                json(extra.element, into: &e)
                return .object(e)
            })
        }
    }

    /// An XML element as `name`, `attributes`, `text` (its text parts joined) and `children`.
    static func json(_ element: ADFXMLElement, into e: inout JSONObject) {
        e["name"] = .string(element.name)
        if !element.attributes.isEmpty {
            e["attributes"] = .array(element.attributes.map { .object(JSONObject([("name", .string($0.name)), ("value", .string($0.value))])) })
        }
        if !element.text.isEmpty { e["text"] = .string(element.text) }
        if !element.elements.isEmpty {
            e["children"] = .array(element.elements.map { child in
                var c = JSONObject()
                json(child, into: &c)
                return .object(c)
            })
        }
    }
}
