import Foundation
import VerneCore

/// One automatic-deletion rule of the key's project, set up or not.
public struct LifecycleRule: Sendable, Hashable, Codable {
    /// The rule's kind.
    public var kind: LifecycleRuleKind
    /// Whether the rule was ever set up.
    public var configured: Bool
    /// Whether the rule is on.
    public var enabled: Bool
    /// The rule's settings, or `nil` when it was never set up.
    public var params: JSONValue?
    /// Whether your plan includes the rule.
    public var available: Bool
    /// Why the rule was switched off for you, such as `plan`, when it was.
    public var disabledReason: String?
    /// When the rule was last switched on.
    public var enabledAt: Date?
    /// When the rule last changed.
    public var updatedAt: Date?
    /// How many people have something scheduled by this rule.
    public var pending: Int

    /// Creates a rule value.
    ///
    /// - Parameters:
    ///   - kind: The kind.
    ///   - configured: Whether it was set up.
    ///   - enabled: Whether it is on.
    ///   - params: Its settings.
    ///   - available: Whether the plan includes it.
    ///   - disabledReason: Why it was switched off.
    ///   - enabledAt: When it was switched on.
    ///   - updatedAt: When it last changed.
    ///   - pending: How many people have something scheduled.
    public init(
        kind: LifecycleRuleKind, configured: Bool, enabled: Bool, params: JSONValue? = nil,
        available: Bool, disabledReason: String? = nil, enabledAt: Date? = nil,
        updatedAt: Date? = nil, pending: Int = 0
    ) {
        self.kind = kind
        self.configured = configured
        self.enabled = enabled
        self.params = params
        self.available = available
        self.disabledReason = disabledReason
        self.enabledAt = enabledAt
        self.updatedAt = updatedAt
        self.pending = pending
    }

    private enum CodingKeys: String, CodingKey {
        case kind
        case configured
        case enabled
        case params
        case available
        case disabledReason = "disabled_reason"
        case enabledAt = "enabled_at"
        case updatedAt = "updated_at"
        case pending
    }

    /// Decodes a rule; missing flags count as `false`, a missing count as 0, and `null`
    /// params as `nil`.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` when `kind` is missing or a member has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(LifecycleRuleKind.self, forKey: .kind)
        configured = try container.decodeIfPresent(Bool.self, forKey: .configured) ?? false
        enabled = try container.decodeIfPresent(Bool.self, forKey: .enabled) ?? false
        let params = try container.decodeIfPresent(JSONValue.self, forKey: .params)
        self.params = params?.isNull == true ? nil : params
        available = try container.decodeIfPresent(Bool.self, forKey: .available) ?? false
        disabledReason = try container.decodeIfPresent(String.self, forKey: .disabledReason)
        enabledAt = try container.decodeIfPresent(Date.self, forKey: .enabledAt)
        updatedAt = try container.decodeIfPresent(Date.self, forKey: .updatedAt)
        pending = try container.decodeIfPresent(Int.self, forKey: .pending) ?? 0
    }
}
