import VerneCore

/// `POST /v1/gate/tokens`: exchange the API key for a short-lived access token.
public struct CreateTokenEndpoint: Endpoint {
    /// The answer: the token.
    public typealias Response = AccessToken

    struct Body: Encodable, Sendable {
        var subject: String
        var scopes: [String]?
        var ttlSeconds: Int?

        enum CodingKeys: String, CodingKey {
            case subject
            case scopes
            case ttlSeconds = "ttl_seconds"
        }
    }

    let content: Body

    /// Checks the arguments and builds the endpoint.
    ///
    /// - Parameters:
    ///   - subject: The user or service account; must not be empty.
    ///   - scopes: The token's scopes, or `nil` for none.
    ///   - ttl: The lifetime, whole seconds from 1 to 86 400, or `nil` for the service's
    ///     default (one hour).
    /// - Throws: ``VerneInvalidRequestError`` when an argument makes the call impossible.
    public init(subject: String, scopes: [String]?, ttl: Duration?) throws {
        try Check.notEmpty(subject, "subject")
        var seconds: Int?
        if let ttl {
            let parts = ttl.components
            guard parts.attoseconds == 0, (1...86_400).contains(parts.seconds) else {
                throw VerneInvalidRequestError(
                    argument: "ttl", message: "must be whole seconds from 1 to 86400 (24 hours)")
            }
            seconds = Int(parts.seconds)
        }
        content = Body(subject: subject, scopes: scopes, ttlSeconds: seconds)
    }

    /// `POST`.
    public var method: HTTPMethod { .post }
    /// `/v1/gate/tokens`.
    public var path: EndpointPath { GatePaths.tokens }
    /// `subject`, and `scopes` and `ttl_seconds` when given.
    public var body: RequestBody? { RequestBody(content) }
}

/// `POST /v1/gate/tokens/introspect`: ask whether an access token is valid and what it
/// carries.
///
/// Printing the endpoint never shows the token.
public struct IntrospectTokenEndpoint: Endpoint, CustomStringConvertible, CustomReflectable {
    /// The answer: the introspection result.
    public typealias Response = Introspection

    struct Body: Encodable, Sendable {
        var accessToken: String

        enum CodingKeys: String, CodingKey {
            case accessToken = "access_token"
        }
    }

    let content: Body

    /// Checks the token and builds the endpoint.
    ///
    /// - Parameter accessToken: The token to check; must not be empty.
    /// - Throws: ``VerneInvalidRequestError`` when the token is empty.
    public init(accessToken: String) throws {
        try Check.notEmpty(accessToken, "accessToken")
        content = Body(accessToken: accessToken)
    }

    /// `POST`.
    public var method: HTTPMethod { .post }
    /// `/v1/gate/tokens/introspect`.
    public var path: EndpointPath { GatePaths.introspection }
    /// `{"access_token": …}`.
    public var body: RequestBody? { RequestBody(content) }
    /// Safe: introspection reads and changes nothing.
    public var repeatability: Repeatability { .safe }

    /// The route; never the token.
    public var description: String { "IntrospectTokenEndpoint(accessToken: <redacted>)" }
    /// A mirror that shows the redacted description only.
    public var customMirror: Mirror { Mirror(self, children: ["endpoint": description]) }
}
