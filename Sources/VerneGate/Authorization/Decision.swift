import VerneCore

/// Gate's answer to "may this subject do this action on this resource?".
///
/// Gate decides; your service enforces. Branch on ``allowed``, and on ``reason`` for why.
///
/// ```swift
/// let decision = try await gate.authorize(
///     subject: "usr_123", action: "relay.messages.read", resource: "tenant:ten_001")
/// guard decision.allowed else { throw Forbidden(reason: decision.reason) }
/// ```
public struct Decision: Sendable, Hashable, Codable {
    /// Whether the action is allowed; a missing or malformed `allowed` counts as denied.
    public var allowed: Bool
    /// The decision's ID in Gate's logs, for support.
    public var decisionID: String
    /// Why; an open set, see ``Reason``.
    public var reason: Reason
    /// For an organization resource, the role the end user holds there.
    public var role: String?
    /// For any other resource, the decision as a sentence for your logs; its wording can
    /// change, so branch on ``reason`` instead.
    public var message: String?

    /// Creates a decision.
    ///
    /// - Parameters:
    ///   - allowed: Whether the action is allowed.
    ///   - decisionID: The decision ID.
    ///   - reason: Why.
    ///   - role: The role held, if any.
    ///   - message: The sentence, if any.
    public init(
        allowed: Bool, decisionID: String, reason: Reason, role: String? = nil,
        message: String? = nil
    ) {
        self.allowed = allowed
        self.decisionID = decisionID
        self.reason = reason
        self.role = role
        self.message = message
    }

    private enum CodingKeys: String, CodingKey {
        case allowed
        case decisionID = "decision_id"
        case reason
        case role
        case message
    }

    /// Decodes a decision, failing closed: `allowed` is `true` only when the answer says
    /// exactly `true`.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` when the answer is not an object.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        allowed = (try? container.decodeIfPresent(Bool.self, forKey: .allowed)) == true
        decisionID = (try? container.decodeIfPresent(String.self, forKey: .decisionID)) ?? ""
        reason = Reason(
            rawValue: (try? container.decodeIfPresent(String.self, forKey: .reason)) ?? "")
        role = try? container.decodeIfPresent(String.self, forKey: .role)
        message = try? container.decodeIfPresent(String.self, forKey: .message)
    }
}
