// DealFinance — exact deal finance. DealLeads: the errors of the lead model.

/// A lead-model operation that was refused: an illegal workflow transition, a missing lost
/// reason, a malformed instant, an invalid configuration or value. The JSON layer maps every
/// case to Documentation/Reference/Errors.md `invalid_argument` with the field's path.
///
/// ```swift
/// LeadError.illegalTransition(workflow: .dealStatus, from: "approved", to: "draft").message
/// // "illegal dealStatus transition from \"approved\" to \"draft\""
/// ```
public enum LeadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A transition the workflow does not allow; names both states.
    case illegalTransition(workflow: WorkflowKind, from: String, to: String)
    /// A move to a lost stage without a lost reason.
    case lostReasonRequired(stage: String)
    /// A stage name the pipeline does not define.
    case unknownStage(String)
    /// An instant that is not `YYYY-MM-DDTHH:MM:SS` followed by `Z` or `±HH:MM`.
    case invalidInstant(String)
    /// A configuration (pipeline, scoring rules, business hours, team) that is inconsistent.
    case invalidConfiguration(String)
    /// A value outside its domain (negative budget, min above max, …).
    case invalidValue(String)

    /// What was expected and what was found.
    ///
    /// ```swift
    /// LeadError.unknownStage("Won").message   // "expected a stage of the pipeline, found \"Won\""
    /// ```
    public var message: String {
        switch self {
        case .illegalTransition(let workflow, let from, let to):
            return "illegal \(workflow.rawValue) transition from \"\(from)\" to \"\(to)\""
        case .lostReasonRequired(let stage):
            return "expected a lost reason for the move to \"\(stage)\", found none"
        case .unknownStage(let name):
            return "expected a stage of the pipeline, found \"\(name)\""
        case .invalidInstant(let message), .invalidConfiguration(let message), .invalidValue(let message):
            return message
        }
    }

    /// The message.
    public var description: String { message }
}

/// The three workflows a lead carries, each an explicit state machine.
///
/// ```swift
/// WorkflowKind.pipeline.rawValue   // "pipeline"
/// ```
public enum WorkflowKind: String, Sendable, Hashable, CaseIterable {
    /// The sales pipeline (``SalesPipeline``).
    case pipeline
    /// The digital-retail lead status (``RetailLeadStatus``).
    case retailStatus
    /// The deal status (``DealStatus``).
    case dealStatus
}
