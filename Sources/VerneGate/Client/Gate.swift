import VerneCore

/// The Gate client for blocking code: sign-in, end users, sessions, tokens, organizations
/// and permissions.
///
/// ```swift
/// let gate = Gate(apiKey: ProcessInfo.processInfo.environment["VERNE_API_KEY"]!)
/// let identity = try gate.identities.create(traits: ["email": "user@example.com"])
/// let decision = try gate.authorize(
///     subject: identity.id, action: "relay.messages.read", resource: "tenant:ten_001")
/// ```
///
/// Make one client and share it: it is `Sendable`, and it keeps its connections open.
///
/// Every method blocks the calling thread until the answer arrives; from async code use
/// ``AsyncGate`` instead.
public struct Gate: Sendable {
    let engine: BlockingEngine
    let verifiers: VerifierRegistry<SignedTokenVerifier>

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - apiKey: A key with the `gate` scope (`vrn_…`).
    ///   - configuration: Base URL, timeouts, retries, logging.
    ///   - transport: A transport that can block; a new ``URLSessionTransport`` by default.
    public init(
        apiKey: String, configuration: VerneConfiguration = VerneConfiguration(),
        transport: any BlockingTransport = URLSessionTransport()
    ) {
        let context = ClientContext(
            service: "Gate", apiKey: APIKey(apiKey), configuration: configuration)
        engine = BlockingEngine(context: context, transport: transport)
        verifiers = VerifierRegistry()
    }

    /// Creates a client on an engine that another client set up.
    package init(engine: BlockingEngine) {
        self.engine = engine
        verifiers = VerifierRegistry()
    }

    private init(engine: BlockingEngine, verifiers: VerifierRegistry<SignedTokenVerifier>) {
        self.engine = engine
        self.verifiers = verifiers
    }

    /// End users: create, read, change, deactivate, delete, custom metadata.
    public var identities: Identities { Identities(engine: engine) }
    /// Short-lived access tokens and their introspection.
    public var tokens: Tokens { Tokens(engine: engine, verifiers: verifiers) }
    /// End users' sessions: list, revoke, check.
    public var sessions: Sessions { Sessions(engine: engine) }
    /// Organizations with their roles and members, and permission checks.
    public var organizations: Organizations { Organizations(engine: engine) }
    /// Security, social-login and return-URL settings.
    public var settings: Settings { Settings(engine: engine) }
    /// The account's audit log.
    public var auditLog: AuditLog { AuditLog(engine: engine) }
    /// Automatic-deletion rules and what they did.
    public var lifecycle: Lifecycle { Lifecycle(engine: engine) }

    /// This client with per-call settings; it shares the transport and connections.
    ///
    /// - Parameter options: Timeout, deadline, retry policy or extra headers.
    /// - Returns: The client view.
    public func withOptions(_ options: RequestOptions) -> Gate {
        Gate(engine: engine.with(options), verifiers: verifiers)
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
    @available(*, noasync, message: "Use AsyncGate from async code")
    public func authorize(
        subject: String, action: String, resource: String, context: JSONValue? = nil
    ) throws -> Decision {
        try engine.run(
            AuthorizeEndpoint(
                subject: subject, action: action, resource: resource, context: context))
    }
}

extension Gate: CustomStringConvertible {
    /// The base URL and key hint; never the key.
    public var description: String {
        "Gate(baseURL: \(engine.context.configuration.baseURL), "
            + "apiKey: \(engine.context.apiKey?.description ?? "none"))"
    }
}
