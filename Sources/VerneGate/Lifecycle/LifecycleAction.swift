import Foundation
import VerneCore

/// Something a lifecycle rule scheduled or did to one person.
public struct LifecycleAction: Sendable, Hashable, Codable, Identifiable {
    /// The action ID.
    public var id: String
    /// The rule that scheduled it.
    public var kind: LifecycleRuleKind
    /// What it does.
    public var step: Step
    /// The person it concerns.
    public var identityID: String
    /// Where it stands.
    public var status: Status
    /// The instant the schedule counts from, such as the sign-up.
    public var basisAt: Date
    /// When it is due.
    public var dueAt: Date
    /// Why it was cancelled or failed, such as `verified` or `rule_disabled`.
    public var reason: String?
    /// When it was scheduled; `nil` when the answer leaves it out.
    public var createdAt: Date?
    /// When it was done, cancelled or failed.
    public var finishedAt: Date?

    /// Creates an action value.
    ///
    /// - Parameters:
    ///   - id: The ID.
    ///   - kind: The rule's kind.
    ///   - step: What it does.
    ///   - identityID: The person.
    ///   - status: Where it stands.
    ///   - basisAt: The instant the schedule counts from.
    ///   - dueAt: When it is due.
    ///   - reason: Why it was cancelled or failed.
    ///   - createdAt: When it was scheduled.
    ///   - finishedAt: When it finished.
    public init(
        id: String, kind: LifecycleRuleKind, step: Step, identityID: String, status: Status,
        basisAt: Date, dueAt: Date, reason: String? = nil, createdAt: Date? = nil,
        finishedAt: Date? = nil
    ) {
        self.id = id
        self.kind = kind
        self.step = step
        self.identityID = identityID
        self.status = status
        self.basisAt = basisAt
        self.dueAt = dueAt
        self.reason = reason
        self.createdAt = createdAt
        self.finishedAt = finishedAt
    }

    private enum CodingKeys: String, CodingKey {
        case id
        case kind
        case step
        case identityID = "identity_id"
        case status
        case basisAt = "basis_at"
        case dueAt = "due_at"
        case reason
        case createdAt = "created_at"
        case finishedAt = "finished_at"
    }
}
