import VerneCore

/// A social-login (OpenID Connect) provider and whether your tenant offers it.
public struct OIDCProvider: Sendable, Hashable, Codable {
    /// The provider's name, such as `google` or `github`.
    public var provider: String
    /// Whether end users can sign in with it.
    public var enabled: Bool

    /// Creates a provider setting.
    ///
    /// - Parameters:
    ///   - provider: The provider's name.
    ///   - enabled: Whether it is on.
    public init(provider: String, enabled: Bool) {
        self.provider = provider
        self.enabled = enabled
    }

    private enum CodingKeys: String, CodingKey {
        case provider
        case enabled
    }

    /// Decodes a provider; a missing `enabled` counts as off.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` when `provider` is missing or a member has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        provider = try container.decode(String.self, forKey: .provider)
        enabled = try container.decodeIfPresent(Bool.self, forKey: .enabled) ?? false
    }
}

/// The `{"providers": [...]}` body and answer of the social-provider settings.
struct OIDCProviders: Codable, Sendable {
    var providers: [OIDCProvider]

    init(_ providers: [OIDCProvider]) { self.providers = providers }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        providers = try container.decodeIfPresent([OIDCProvider].self, forKey: .providers) ?? []
    }
}
