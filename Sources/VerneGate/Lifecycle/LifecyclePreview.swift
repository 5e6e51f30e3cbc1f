import VerneCore

/// How many people a rule with given settings would affect right now.
public struct LifecyclePreview: Sendable, Hashable, Codable {
    /// The rule's kind.
    public var kind: LifecycleRuleKind
    /// Whether your plan includes the rule.
    public var available: Bool
    /// How many people match now.
    public var matchingNow: Int
    /// Whether the count stopped at its cap (1 000).
    public var capped: Bool

    /// Creates a preview.
    ///
    /// - Parameters:
    ///   - kind: The kind.
    ///   - available: Whether the plan includes it.
    ///   - matchingNow: How many people match.
    ///   - capped: Whether the count was capped.
    public init(kind: LifecycleRuleKind, available: Bool, matchingNow: Int, capped: Bool) {
        self.kind = kind
        self.available = available
        self.matchingNow = matchingNow
        self.capped = capped
    }

    private enum CodingKeys: String, CodingKey {
        case kind
        case available
        case matchingNow = "matching_now"
        case capped
    }

    /// Decodes a preview; missing flags count as `false` and a missing count as 0.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` when `kind` is missing or a member has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(LifecycleRuleKind.self, forKey: .kind)
        available = try container.decodeIfPresent(Bool.self, forKey: .available) ?? false
        matchingNow = try container.decodeIfPresent(Int.self, forKey: .matchingNow) ?? 0
        capped = try container.decodeIfPresent(Bool.self, forKey: .capped) ?? false
    }
}
