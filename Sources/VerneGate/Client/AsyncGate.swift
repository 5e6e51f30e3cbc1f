import VerneCore

/// The Gate client for async code: sign-in, end users, sessions, tokens, organizations
/// and permissions.
///
/// ```swift
/// let gate = AsyncGate(apiKey: ProcessInfo.processInfo.environment["VERNE_API_KEY"]!)
/// let identity = try await gate.identities.create(traits: ["email": "user@example.com"])
/// let decision = try await gate.authorize(
///     subject: identity.id, action: "relay.messages.read", resource: "tenant:ten_001")
/// ```
///
/// Make one client and share it: it is `Sendable`, and it keeps its connections open.
public struct AsyncGate: Sendable {
    let engine: AsyncEngine
    let verifiers: VerifierRegistry<AsyncSignedTokenVerifier>

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - apiKey: A key with the `gate` scope (`vrn_…`).
    ///   - configuration: Base URL, timeouts, retries, logging.
    ///   - transport: How requests are sent; a new ``URLSessionTransport`` by default.
    public init(
        apiKey: String, configuration: VerneConfiguration = VerneConfiguration(),
        transport: any Transport = URLSessionTransport()
    ) {
        let context = ClientContext(
            service: "Gate", apiKey: APIKey(apiKey), configuration: configuration)
        engine = AsyncEngine(context: context, transport: transport)
        verifiers = VerifierRegistry()
    }

    /// Creates a client on an engine that another client set up.
    package init(engine: AsyncEngine) {
        self.engine = engine
        verifiers = VerifierRegistry()
    }

    private init(engine: AsyncEngine, verifiers: VerifierRegistry<AsyncSignedTokenVerifier>) {
        self.engine = engine
        self.verifiers = verifiers
    }

    /// End users: create, read, change, deactivate, delete, custom metadata.
    public var identities: AsyncIdentities { AsyncIdentities(engine: engine) }
    /// Short-lived access tokens and their introspection.
    public var tokens: AsyncTokens { AsyncTokens(engine: engine, verifiers: verifiers) }
    /// End users' sessions: list, revoke, check.
    public var sessions: AsyncSessions { AsyncSessions(engine: engine) }
    /// Organizations with their roles and members, and permission checks.
    public var organizations: AsyncOrganizations { AsyncOrganizations(engine: engine) }
    /// Security, social-login and return-URL settings.
    public var settings: AsyncSettings { AsyncSettings(engine: engine) }
    /// The account's audit log.
    public var auditLog: AsyncAuditLog { AsyncAuditLog(engine: engine) }
    /// Automatic-deletion rules and what they did.
    public var lifecycle: AsyncLifecycle { AsyncLifecycle(engine: engine) }

    /// This client with per-call settings; it shares the transport and connections.
    ///
    /// - Parameter options: Timeout, deadline, retry policy or extra headers.
    /// - Returns: The client view.
    public func withOptions(_ options: RequestOptions) -> AsyncGate {
        AsyncGate(engine: engine.with(options), verifiers: verifiers)
    }

    /// Asks whether a subject may do an action on a resource; Gate decides, your service
    /// enforces.
    ///
    /// With `resource` `organization:<id>` the question is whether the end user holds
    /// the permission `action` there (prefer `organizations.authorize(...)`, which builds
    /// the resource). With any other resource it is only whether `subject` is one of your
    /// active end users.
    ///
    /// - Parameters:
    ///   - subject: The identity asked about.
    ///   - action: The action or permission.
    ///   - resource: The resource, such as `tenant:ten_001`.
    ///   - context: Extra facts, a JSON object; accepted and ignored by the service today.
    /// - Returns: The decision; gate on ``Decision/allowed``.
    /// - Throws: ``VerneInvalidRequestError`` for an empty argument or a `context` that is
    ///   not an object; a ``VerneError``.
    public func authorize(
        subject: String, action: String, resource: String, context: JSONValue? = nil
    ) async throws -> Decision {
        try await engine.run(
            AuthorizeEndpoint(
                subject: subject, action: action, resource: resource, context: context))
    }
}

extension AsyncGate: CustomStringConvertible {
    /// The base URL and key hint; never the key.
    public var description: String {
        "AsyncGate(baseURL: \(engine.context.configuration.baseURL), "
            + "apiKey: \(engine.context.apiKey?.description ?? "none"))"
    }
}
