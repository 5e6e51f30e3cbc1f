import VerneCore

/// Every automatic-deletion rule of the key's project, and the plan they run under.
public struct LifecycleRules: Sendable, Hashable, Codable {
    /// Your plan, such as `free`, `pro`, `advanced` or `contract`.
    public var tier: String
    /// The rules, set up or not.
    public var rules: [LifecycleRule]

    /// Creates the list.
    ///
    /// - Parameters:
    ///   - tier: The plan.
    ///   - rules: The rules.
    public init(tier: String, rules: [LifecycleRule]) {
        self.tier = tier
        self.rules = rules
    }

    /// The rule of one kind, when the list has it.
    ///
    /// - Parameter kind: The kind.
    /// - Returns: The rule, or `nil`.
    public func rule(_ kind: LifecycleRuleKind) -> LifecycleRule? {
        rules.first { $0.kind == kind }
    }

    private enum CodingKeys: String, CodingKey {
        case tier
        case rules
    }

    /// Decodes the list; missing members are empty.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` when a member has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        tier = try container.decodeIfPresent(String.self, forKey: .tier) ?? ""
        rules = try container.decodeIfPresent([LifecycleRule].self, forKey: .rules) ?? []
    }
}
