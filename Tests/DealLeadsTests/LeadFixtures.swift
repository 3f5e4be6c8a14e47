// DealFinance — DealLeadsTests: a seeded generator of realistic leads (test support, not API).

import DealDecimal
import DealEngine
import _DealTestSupport
@testable import DealLeads

/// Seeded lead fixtures: names, emails and phones drawn from small pools so that duplicates
/// occur; phones in the NANP fictional range 555-01XX; VINs from Documentation/Leads.md.
enum LeadFixtures {
    static let firstNames = ["Jane", "John", "Maria", "Wei", "Aisha", "Carlos", "Olga", "Sam"]
    static let lastNames = ["Doe", "Smith", "Garcia", "Chen", "Khan", "Novak"]
    static let vins = ["1G4AH59H45G118341", "2G4WF52L6S1472882", "5YJ3E1EAXHF000316", "JHMCM56557C404453", "2G1WB5E37E1110567"]
    static let types = ["sedan", "suv", "truck", "ev"]

    /// `count` leads from `seed`, each with 0…8 activities and some stage transitions.
    static func leads(count: Int, seed: UInt64) -> [Lead] {
        var g = SeededGenerator(seed: seed)
        var result: [Lead] = []
        for index in 0..<count {
            let created = t0.adding(seconds: g.int(in: 0...(60 * 86_400)))
            let first = g.element(of: firstNames), last = g.element(of: lastNames)
            var contact = Contact(firstName: first, lastName: last)
            if g.chance(3, in: 4) { contact.email = "\(first).\(last)\(g.int(in: 0...3))@Example.com" }
            if g.chance(2, in: 3) { contact.phone = "(312) 555-01\(g.int(in: 10...29))" }
            contact.regionCode = g.element(of: ["IL", "WI", "IN"])
            contact.postalCode = "60\(g.int(in: 100...999))"
            let source = g.chance(1, in: 10) ? LeadSource.custom("Event") : g.element(of: LeadSource.named)
            var lead = Lead(id: "L-\(index)", contact: contact, createdAt: created, source: source)
            lead.vehicles = [VehicleOfInterest(year: g.int(in: 2005...2025), make: "Make", model: "Model",
                                               vin: g.chance(1, in: 2) ? g.element(of: vins) : nil,
                                               condition: g.element(of: VehicleCondition.allCases), vehicleType: g.element(of: types),
                                               price: ExactDecimal(g.int(in: 8...80) * 1000), isPrimary: true)]
            if g.chance(1, in: 2) { lead.budget = BudgetRange(minimum: ExactDecimal(g.int(in: 5...20) * 1000), maximum: ExactDecimal(g.int(in: 21...60) * 1000)) }
            if g.chance(1, in: 3) { lead.tradeIns = [TradeInVehicle(make: "Buick", model: "Regal", mileage: g.int(in: 10_000...200_000))] }
            if g.chance(1, in: 2) { lead.timeframe = PurchaseTimeframe(horizon: g.element(of: PurchaseHorizon.allCases)) }
            if g.chance(1, in: 2) { lead.creditTier = g.element(of: CreditTier.allCases) }
            var time = created
            for n in 0..<g.int(in: 0...8) {
                time = time.adding(seconds: g.int(in: 60...(3 * 86_400)))
                let actor = g.element(of: ActivityActor.allCases)
                let direction: ActivityDirection = actor == .customer ? .inbound : .outbound
                let kind: ActivityKind = switch g.int(in: 0...6) {
                case 0: .chat(direction, text: "message \(n)")
                case 1: .email(direction, subject: "subject \(n)")
                case 2: .call(direction, durationSeconds: g.int(in: 0...900), outcome: g.element(of: CallOutcome.allCases))
                case 3: .appointment(scheduledFor: time.adding(seconds: 86_400), note: nil)
                case 4: .testDrive(vin: nil)
                case 5: .dealTermChange(TermChange(term: g.element(of: DealTerm.allCases), from: "1", to: "2"))
                default: .note("note \(n)")
                }
                lead.record(Activity(id: "L-\(index)-a\(n)", at: time, actor: actor, kind: kind))
            }
            let pipeline = SalesPipeline.standard
            for _ in 0..<g.int(in: 0...3) {
                let target = g.element(of: pipeline.stages)
                time = time.adding(seconds: 3600)
                if let next = try? pipeline.transition(lead, to: target.name, actor: .dealer, at: time,
                                                       reason: target.isLost ? g.element(of: LostReason.allCases) : nil) {
                    lead = next
                }
            }
            result.append(lead)
        }
        return result
    }
}
