// DealFinance — DealLeadsTests: email normalization (Documentation/Leads.md).

import Testing
@testable import DealLeads

@Suite("EmailAddress")
struct EmailAddressTests {
    @Test("Trim, lower-case the domain, keep the local part, key is lower-cased")
    func normalize() throws {
        let email = try EmailAddress(parsing: "  Jane.Doe+cars@GMail.com ")
        #expect(email.normalized == "Jane.Doe+cars@gmail.com")
        #expect(email.key == "jane.doe+cars@gmail.com")
        #expect(email.localPart == "Jane.Doe+cars")
        #expect(email.domain == "gmail.com")
        #expect(email.possibleDuplicateKey == "janedoe@gmail.com")
        #expect(try EmailAddress(parsing: "j.doe@googlemail.com").possibleDuplicateKey == "jdoe@gmail.com")
    }

    @Test("Dots and +tags are never stripped outside Gmail")
    func noGlobalStripping() throws {
        let a = try EmailAddress(parsing: "john.smith@example.com")
        let b = try EmailAddress(parsing: "johnsmith@example.com")
        #expect(a.key != b.key)
        #expect(a.possibleDuplicateKey != b.possibleDuplicateKey)
        #expect(try EmailAddress(parsing: "a+b@example.com").key == "a+b@example.com")
    }

    @Test("Errors", arguments: [
        ("", EmailAddressError.empty), ("emailaddress", .missingAt), ("a@b@example.com", .multipleAt),
        ("\"john doe\"@example.com", .quotedLocalPart), ("@example.com", .emptyLocalPart),
        (String(repeating: "a", count: 65) + "@example.com", .localPartTooLong),
        ("a@" + String(repeating: "b", count: 250) + ".com", .tooLong),
        ("jo hn@example.com", .invalidCharacters), ("john@localhost", .invalidDomain),
        ("john@example..com", .invalidDomain), ("john@-example.com", .invalidDomain), ("john@exa_mple.com", .invalidDomain),
    ])
    func errors(input: String, error: EmailAddressError) {
        #expect(throws: error) { try EmailAddress(parsing: input) }
    }

    @Test("Internationalized domains are lower-cased and flagged, not punycoded")
    func international() throws {
        let email = try EmailAddress(parsing: "kunde@BÜCHER.de")
        #expect(email.domain == "bücher.de")
        #expect(email.isInternationalized)
    }
}
