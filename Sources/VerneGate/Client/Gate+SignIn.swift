import VerneCore

extension Gate {
    /// The social-login providers a tenant has switched on, to decide which buttons your
    /// sign-in page shows.
    ///
    /// A public call: it is sent without the API key.
    ///
    /// - Parameter tenantID: The tenant ID.
    /// - Returns: The providers' names, such as `google`.
    /// - Throws: ``VerneInvalidRequestError`` for an unusable ID; a ``VerneError``.
    @available(*, noasync, message: "Use AsyncGate from async code")
    public func enabledProviders(tenantID: String) throws -> [String] {
        try engine.run(EnabledProvidersEndpoint(tenantID: tenantID))
    }

    /// Starts a login flow; render its `ui.nodes` or post credentials to its `ui.action`.
    ///
    /// For a step-up to a second factor pass `aal: .aal2` and the end user's session
    /// token, which travels in `X-Session-Token`, never in the URL.
    ///
    /// - Parameters:
    ///   - returnTo: A registered return URL, exactly as registered; the first when `nil`.
    ///   - state: Your opaque value (1–256 letters, digits, `-`, `.`, `_`, `~`), returned
    ///     unchanged on the redirect; always send one for social login, and check it.
    ///   - aal: The assurance level to reach.
    ///   - sessionToken: The end user's session token, for a step-up.
    /// - Returns: The flow object, untyped.
    /// - Throws: ``VerneInvalidRequestError`` for a malformed `state`; a ``VerneError``.
    @available(*, noasync, message: "Use AsyncGate from async code")
    public func loginFlow(
        returnTo: String? = nil, state: String? = nil, aal: AssuranceLevel? = nil,
        sessionToken: String? = nil
    ) throws -> JSONValue {
        try engine.run(
            LoginFlowEndpoint(
                returnTo: returnTo, state: state, aal: aal, sessionToken: sessionToken))
    }

    /// Starts a registration flow.
    ///
    /// - Parameters:
    ///   - returnTo: A registered return URL, exactly as registered; the first when `nil`.
    ///   - state: Your opaque value, as for ``loginFlow(returnTo:state:aal:sessionToken:)``.
    /// - Returns: The flow object, untyped.
    /// - Throws: ``VerneInvalidRequestError`` for a malformed `state`; ``VerneAPIError``
    ///   (`402 ACTIVE_USER_LIMIT_REACHED` past the plan's limit) and other ``VerneError``s.
    @available(*, noasync, message: "Use AsyncGate from async code")
    public func registrationFlow(
        returnTo: String? = nil, state: String? = nil
    ) throws -> JSONValue {
        try engine.run(RegistrationFlowEndpoint(returnTo: returnTo, state: state))
    }

    /// Exchanges the one-time code your return URL received after a social login for the
    /// end user's session.
    ///
    /// The code works once, for about a minute, and only with a key of the project that
    /// started the login. Keep the session token on your server.
    ///
    /// - Parameter code: The code.
    /// - Returns: The session and its token.
    /// - Throws: ``VerneInvalidRequestError`` for an empty code; ``VerneAPIError`` (`404`
    ///   for a used, expired or foreign code) and other ``VerneError``s.
    @available(*, noasync, message: "Use AsyncGate from async code")
    public func exchangeSocialLoginCode(_ code: String) throws -> SocialLoginExchange {
        try engine.run(ExchangeSocialLoginCodeEndpoint(code: code))
    }
}
