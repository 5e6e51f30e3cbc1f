import VerneCore

/// The answer of the public providers route: `{"providers": [str]}`.
struct EnabledProvidersAnswer: Decodable {
    var providers: [String]?
}

/// `GET /public/gate/providers/{tenant id}`: the social-login providers a tenant has
/// switched on.
///
/// A public call: it carries no API key.
public struct EnabledProvidersEndpoint: Endpoint {
    /// The answer: the providers' names, such as `google`.
    public typealias Response = [String]

    /// `/public/gate/providers/{tenant id}`.
    public let path: EndpointPath

    /// Checks the ID and builds the endpoint.
    ///
    /// - Parameter tenantID: The tenant ID.
    /// - Throws: ``VerneInvalidRequestError`` when the ID is empty, `.` or `..`.
    public init(tenantID: String) throws { path = try GatePaths.providers(of: tenantID) }

    /// `GET`.
    public var method: HTTPMethod { .get }
    /// No credential: the route is public.
    public var authentication: Authentication { .anonymous }

    /// Reads `providers` out of the answer.
    ///
    /// - Parameter response: A successful response.
    /// - Returns: The providers; empty when the answer has none.
    /// - Throws: ``VerneResponseError`` when the answer cannot be read.
    public func decode(_ response: HTTPResponse) throws -> [String] {
        try ResponseDecoding.decode(EnabledProvidersAnswer.self, from: response).providers ?? []
    }
}

/// `GET /v1/gate/auth/login`: start a login flow, answered with the open flow object.
///
/// For a step-up to a second factor, the end user's session token goes in
/// `X-Session-Token` beside the API key. Printing the endpoint never shows the token.
public struct LoginFlowEndpoint: Endpoint, CustomStringConvertible, CustomReflectable {
    /// The answer: the flow object, untyped.
    public typealias Response = JSONValue

    let returnTo: String?
    let state: String?
    let aal: AssuranceLevel?
    private let sessionToken: String?

    /// Checks the arguments and builds the endpoint.
    ///
    /// - Parameters:
    ///   - returnTo: A registered return URL, exactly as registered, or `nil` for the first.
    ///   - state: Your opaque value, 1–256 letters, digits, `-`, `.`, `_` or `~`.
    ///   - aal: The level to reach, ``AssuranceLevel/aal2`` for a step-up.
    ///   - sessionToken: The end user's session token, for a step-up.
    /// - Throws: ``VerneInvalidRequestError`` when `state` has another form or the token is
    ///   empty.
    public init(
        returnTo: String?, state: String?, aal: AssuranceLevel?, sessionToken: String?
    ) throws {
        try Check.flowState(state)
        if let sessionToken { try Check.notEmpty(sessionToken, "sessionToken") }
        self.returnTo = returnTo
        self.state = state
        self.aal = aal
        self.sessionToken = sessionToken
    }

    /// `GET`.
    public var method: HTTPMethod { .get }
    /// `/v1/gate/auth/login`.
    public var path: EndpointPath { GatePaths.loginFlow }

    /// `return_to`, `state` and `aal` when given.
    public var query: QueryItems {
        var items = QueryItems()
        items.add("return_to", returnTo)
        items.add("state", state)
        items.add("aal", aal?.rawValue)
        return items
    }

    /// The API key, with the session token when one was given.
    public var authentication: Authentication {
        sessionToken.map { .apiKeyAndSessionToken($0) } ?? .apiKey
    }

    /// The query; never the token.
    public var description: String {
        "LoginFlowEndpoint(query: \(query.encoded), sessionToken: "
            + (sessionToken == nil ? "none" : "<redacted>") + ")"
    }

    /// A mirror that shows the redacted description only.
    public var customMirror: Mirror { Mirror(self, children: ["endpoint": description]) }
}

/// `GET /v1/gate/auth/registration`: start a registration flow, answered with the open
/// flow object.
public struct RegistrationFlowEndpoint: Endpoint {
    /// The answer: the flow object, untyped.
    public typealias Response = JSONValue

    let returnTo: String?
    let state: String?

    /// Checks the arguments and builds the endpoint.
    ///
    /// - Parameters:
    ///   - returnTo: A registered return URL, exactly as registered, or `nil` for the first.
    ///   - state: Your opaque value, 1–256 letters, digits, `-`, `.`, `_` or `~`.
    /// - Throws: ``VerneInvalidRequestError`` when `state` has another form.
    public init(returnTo: String?, state: String?) throws {
        try Check.flowState(state)
        self.returnTo = returnTo
        self.state = state
    }

    /// `GET`.
    public var method: HTTPMethod { .get }
    /// `/v1/gate/auth/registration`.
    public var path: EndpointPath { GatePaths.registrationFlow }

    /// `return_to` and `state` when given.
    public var query: QueryItems {
        var items = QueryItems()
        items.add("return_to", returnTo)
        items.add("state", state)
        return items
    }
}

/// `POST /v1/gate/auth/oidc/exchange`: trade a social login's one-time code for the end
/// user's session.
///
/// Printing the endpoint never shows the code.
public struct ExchangeSocialLoginCodeEndpoint: Endpoint, CustomStringConvertible,
    CustomReflectable
{
    /// The answer: the session and its token.
    public typealias Response = SocialLoginExchange

    struct Body: Encodable, Sendable {
        var code: String
    }

    let content: Body

    /// Checks the code and builds the endpoint.
    ///
    /// - Parameter code: The code your return URL received; must not be empty.
    /// - Throws: ``VerneInvalidRequestError`` when the code is empty.
    public init(code: String) throws {
        try Check.notEmpty(code, "code")
        content = Body(code: code)
    }

    /// `POST`.
    public var method: HTTPMethod { .post }
    /// `/v1/gate/auth/oidc/exchange`.
    public var path: EndpointPath { GatePaths.socialLoginExchange }
    /// `{"code": …}`.
    public var body: RequestBody? { RequestBody(content) }

    /// The route; never the code.
    public var description: String { "ExchangeSocialLoginCodeEndpoint(code: <redacted>)" }
    /// A mirror that shows the redacted description only.
    public var customMirror: Mirror { Mirror(self, children: ["endpoint": description]) }
}
