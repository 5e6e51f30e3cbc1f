import VerneCore

extension AuditLogEntry {
    /// Who acted.
    public struct Actor: Sendable, Hashable, Codable {
        /// The kind of actor.
        public var type: AuditActorType
        /// The actor's ID, when it has one.
        public var id: String?

        /// Creates an actor.
        ///
        /// - Parameters:
        ///   - type: The kind of actor.
        ///   - id: Its ID.
        public init(type: AuditActorType, id: String? = nil) {
            self.type = type
            self.id = id
        }

        private enum CodingKeys: String, CodingKey {
            case type
            case id
        }

        /// Decodes an actor; a missing `type` is ``AuditActorType/unknown``.
        ///
        /// - Parameter decoder: The decoder.
        /// - Throws: `DecodingError` when a member has the wrong type.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            type = try container.decodeIfPresent(AuditActorType.self, forKey: .type) ?? .unknown
            id = try container.decodeIfPresent(String.self, forKey: .id)
        }
    }

    /// What an action was done to.
    public struct Target: Sendable, Hashable, Codable {
        /// The kind of thing, such as `identity` or `organization`.
        public var type: String
        /// Its ID.
        public var id: String

        /// Creates a target.
        ///
        /// - Parameters:
        ///   - type: The kind of thing.
        ///   - id: Its ID.
        public init(type: String, id: String) {
            self.type = type
            self.id = id
        }
    }
}
