import Foundation
import VerneCore

/// A group of your end users: a customer's team, workspace or company.
public struct Organization: Sendable, Hashable, Codable, Identifiable {
    /// The organization ID.
    public var id: String
    /// The name, free text of 1–120 characters, not unique.
    public var name: String
    /// When the organization was created; `nil` when the answer leaves it out.
    public var createdAt: Date?
    /// When it last changed; `nil` when the answer leaves it out.
    public var updatedAt: Date?

    /// Creates an organization value.
    ///
    /// - Parameters:
    ///   - id: The ID.
    ///   - name: The name.
    ///   - createdAt: When it was created.
    ///   - updatedAt: When it last changed.
    public init(id: String, name: String, createdAt: Date? = nil, updatedAt: Date? = nil) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    private enum CodingKeys: String, CodingKey {
        case id
        case name
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}
