import VerneCore

/// `GET /v1/gate/settings/security`: read the security settings.
public struct GetSecuritySettingsEndpoint: Endpoint {
    /// The answer: the settings.
    public typealias Response = SecuritySettings

    /// Builds the endpoint.
    public init() {}

    /// `GET`.
    public var method: HTTPMethod { .get }
    /// `/v1/gate/settings/security`.
    public var path: EndpointPath { GatePaths.securitySettings }
}

/// `PUT /v1/gate/settings/security`: replace the security settings (both fields).
public struct ReplaceSecuritySettingsEndpoint: Endpoint {
    /// The answer: `204`.
    public typealias Response = NoContent

    let settings: SecuritySettings

    /// Builds the endpoint.
    ///
    /// - Parameter settings: The complete new settings.
    public init(settings: SecuritySettings) { self.settings = settings }

    /// `PUT`.
    public var method: HTTPMethod { .put }
    /// `/v1/gate/settings/security`.
    public var path: EndpointPath { GatePaths.securitySettings }
    /// `{"mfa_enabled": …, "passwordless_enabled": …}`.
    public var body: RequestBody? { RequestBody(settings) }
}

/// `GET /v1/gate/settings/oidc-providers`: every supported social-login provider and
/// whether it is on.
public struct GetOIDCProvidersEndpoint: Endpoint {
    /// The answer: the providers.
    public typealias Response = [OIDCProvider]

    /// Builds the endpoint.
    public init() {}

    /// `GET`.
    public var method: HTTPMethod { .get }
    /// `/v1/gate/settings/oidc-providers`.
    public var path: EndpointPath { GatePaths.oidcProviders }

    /// Reads `providers` out of the answer.
    ///
    /// - Parameter response: A successful response.
    /// - Returns: The providers.
    /// - Throws: ``VerneResponseError`` when the answer cannot be read.
    public func decode(_ response: HTTPResponse) throws -> [OIDCProvider] {
        try ResponseDecoding.decode(OIDCProviders.self, from: response).providers
    }
}

/// `PUT /v1/gate/settings/oidc-providers`: switch social-login providers on or off;
/// providers left out are unchanged.
public struct UpdateOIDCProvidersEndpoint: Endpoint {
    /// The answer: every provider after the change.
    public typealias Response = [OIDCProvider]

    let content: OIDCProviders

    /// Builds the endpoint.
    ///
    /// - Parameter providers: The providers to change.
    public init(providers: [OIDCProvider]) { content = OIDCProviders(providers) }

    /// `PUT`.
    public var method: HTTPMethod { .put }
    /// `/v1/gate/settings/oidc-providers`.
    public var path: EndpointPath { GatePaths.oidcProviders }
    /// `{"providers": [{"enabled": …, "provider": …}]}`.
    public var body: RequestBody? { RequestBody(content) }

    /// Reads `providers` out of the answer.
    ///
    /// - Parameter response: A successful response.
    /// - Returns: Every provider.
    /// - Throws: ``VerneResponseError`` when the answer cannot be read.
    public func decode(_ response: HTTPResponse) throws -> [OIDCProvider] {
        try ResponseDecoding.decode(OIDCProviders.self, from: response).providers
    }
}

/// The `{"return_urls": [...]}` body and answer of the return-URL settings.
struct ReturnURLs: Codable, Sendable {
    var returnURLs: [String]

    enum CodingKeys: String, CodingKey {
        case returnURLs = "return_urls"
    }

    init(_ returnURLs: [String]) { self.returnURLs = returnURLs }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        returnURLs = try container.decodeIfPresent([String].self, forKey: .returnURLs) ?? []
    }
}

/// `GET /v1/gate/settings/return-urls`: the addresses that receive end users after a
/// social login.
public struct GetReturnURLsEndpoint: Endpoint {
    /// The answer: the URLs, the default first.
    public typealias Response = [String]

    /// Builds the endpoint.
    public init() {}

    /// `GET`.
    public var method: HTTPMethod { .get }
    /// `/v1/gate/settings/return-urls`.
    public var path: EndpointPath { GatePaths.returnURLs }

    /// Reads `return_urls` out of the answer.
    ///
    /// - Parameter response: A successful response.
    /// - Returns: The URLs.
    /// - Throws: ``VerneResponseError`` when the answer cannot be read.
    public func decode(_ response: HTTPResponse) throws -> [String] {
        try ResponseDecoding.decode(ReturnURLs.self, from: response).returnURLs
    }
}

/// `PUT /v1/gate/settings/return-urls`: replace the return URLs.
public struct ReplaceReturnURLsEndpoint: Endpoint {
    /// The answer: the URLs as they will be matched.
    public typealias Response = [String]

    /// The most return URLs a project may register.
    public static let maximumCount = 10

    let content: ReturnURLs

    /// Checks the list and builds the endpoint.
    ///
    /// - Parameter returnURLs: At most 10 URLs; an empty list switches social login off.
    /// - Throws: ``VerneInvalidRequestError`` when there are more than 10.
    public init(returnURLs: [String]) throws {
        guard returnURLs.count <= Self.maximumCount else {
            throw VerneInvalidRequestError(
                argument: "returnURLs", message: "must hold at most \(Self.maximumCount) URLs")
        }
        content = ReturnURLs(returnURLs)
    }

    /// `PUT`.
    public var method: HTTPMethod { .put }
    /// `/v1/gate/settings/return-urls`.
    public var path: EndpointPath { GatePaths.returnURLs }
    /// `{"return_urls": […]}`.
    public var body: RequestBody? { RequestBody(content) }

    /// Reads `return_urls` out of the answer.
    ///
    /// - Parameter response: A successful response.
    /// - Returns: The URLs.
    /// - Throws: ``VerneResponseError`` when the answer cannot be read.
    public func decode(_ response: HTTPResponse) throws -> [String] {
        try ResponseDecoding.decode(ReturnURLs.self, from: response).returnURLs
    }
}
