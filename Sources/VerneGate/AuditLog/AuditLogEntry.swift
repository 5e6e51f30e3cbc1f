import Foundation
import VerneCore

/// One entry of your account's audit log: who did what, to what, when and from where.
public struct AuditLogEntry: Sendable, Hashable, Codable, Identifiable {
    /// The entry ID.
    public var id: String
    /// When it happened.
    public var occurredAt: Date
    /// What happened, such as `identity.login`; an open set.
    public var action: String
    /// Who did it.
    public var actor: Actor
    /// What it was done to, when anything.
    public var target: Target?
    /// The project it happened in, when any.
    public var projectID: String?
    /// Free-form facts about the event.
    public var details: JSONValue
    /// The actor's IP address, when known.
    public var ip: String?
    /// The actor's user agent, when known.
    public var userAgent: String?

    /// Creates an entry.
    ///
    /// - Parameters:
    ///   - id: The entry ID.
    ///   - occurredAt: When it happened.
    ///   - action: What happened.
    ///   - actor: Who did it.
    ///   - target: What it was done to.
    ///   - projectID: The project.
    ///   - details: Free-form facts.
    ///   - ip: The IP address.
    ///   - userAgent: The user agent.
    public init(
        id: String, occurredAt: Date, action: String, actor: Actor, target: Target? = nil,
        projectID: String? = nil, details: JSONValue = [:], ip: String? = nil,
        userAgent: String? = nil
    ) {
        self.id = id
        self.occurredAt = occurredAt
        self.action = action
        self.actor = actor
        self.target = target
        self.projectID = projectID
        self.details = details
        self.ip = ip
        self.userAgent = userAgent
    }

    private enum CodingKeys: String, CodingKey {
        case id
        case occurredAt = "occurred_at"
        case action
        case actor
        case target
        case projectID = "project_id"
        case details
        case ip
        case userAgent = "user_agent"
    }

    /// Decodes an entry; `details` defaults to `{}` and a missing actor to
    /// ``AuditActorType/unknown``.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` when a required member is missing or has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        occurredAt = try container.decode(Date.self, forKey: .occurredAt)
        action = try container.decode(String.self, forKey: .action)
        actor = try container.decodeIfPresent(Actor.self, forKey: .actor) ?? Actor(type: .unknown)
        target = try container.decodeIfPresent(Target.self, forKey: .target)
        projectID = try container.decodeIfPresent(String.self, forKey: .projectID)
        details = try container.decodeIfPresent(JSONValue.self, forKey: .details) ?? [:]
        ip = try container.decodeIfPresent(String.self, forKey: .ip)
        userAgent = try container.decodeIfPresent(String.self, forKey: .userAgent)
    }
}
