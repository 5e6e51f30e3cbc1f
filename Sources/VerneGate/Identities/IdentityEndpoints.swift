import VerneCore

/// `POST /v1/gate/identities`: create an end user.
public struct CreateIdentityEndpoint: Endpoint {
    /// The answer: the new identity.
    public typealias Response = Identity

    struct Body: Encodable, Sendable {
        var schemaID: String
        var traits: JSONValue
        var state: Identity.State
        var credentials: Credentials?

        enum CodingKeys: String, CodingKey {
            case schemaID = "schema_id"
            case traits
            case state
            case credentials
        }
    }

    let content: Body

    /// Checks the arguments and builds the endpoint.
    ///
    /// - Parameters:
    ///   - schemaID: The traits' schema; must not be empty.
    ///   - traits: The traits; must be a JSON object.
    ///   - credentials: The first credentials, or `nil` for none.
    ///   - state: The initial state.
    /// - Throws: ``VerneInvalidRequestError`` when an argument makes the call impossible.
    public init(
        schemaID: String, traits: JSONValue, credentials: Credentials?, state: Identity.State
    ) throws {
        try Check.notEmpty(schemaID, "schemaID")
        try Check.object(traits, "traits")
        try Check.notEmpty(state.rawValue, "state")
        content = Body(schemaID: schemaID, traits: traits, state: state, credentials: credentials)
    }

    /// `POST`.
    public var method: HTTPMethod { .post }
    /// `/v1/gate/identities`.
    public var path: EndpointPath { GatePaths.identities }
    /// `schema_id`, `traits`, `state` and `credentials` when given.
    public var body: RequestBody? { RequestBody(content) }
}

/// `GET /v1/gate/identities/{id}`: read an end user.
public struct GetIdentityEndpoint: Endpoint {
    /// The answer: the identity.
    public typealias Response = Identity

    /// `/v1/gate/identities/{id}`.
    public let path: EndpointPath

    /// Checks the ID and builds the endpoint.
    ///
    /// - Parameter identityID: The identity ID.
    /// - Throws: ``VerneInvalidRequestError`` when the ID is empty, `.` or `..`.
    public init(identityID: String) throws { path = try GatePaths.identity(identityID) }

    /// `GET`.
    public var method: HTTPMethod { .get }
}

/// `PATCH /v1/gate/identities/{id}`: change an end user with a JSON Patch (RFC 6902).
public struct PatchIdentityEndpoint: Endpoint {
    /// The answer: the changed identity.
    public typealias Response = Identity

    /// `/v1/gate/identities/{id}`.
    public let path: EndpointPath
    let operations: [JSONPatchOperation]

    /// Checks the arguments and builds the endpoint.
    ///
    /// - Parameters:
    ///   - identityID: The identity ID.
    ///   - operations: The patch; at least one operation, every pointer well formed.
    /// - Throws: ``VerneInvalidRequestError`` when an argument makes the call impossible.
    public init(identityID: String, operations: [JSONPatchOperation]) throws {
        path = try GatePaths.identity(identityID)
        guard !operations.isEmpty else {
            throw VerneInvalidRequestError(
                argument: "operations", message: "must hold at least one operation")
        }
        for operation in operations { try operation.validate() }
        self.operations = operations
    }

    /// `PATCH`.
    public var method: HTTPMethod { .patch }
    /// The operations as a JSON array.
    public var body: RequestBody? { RequestBody(operations) }
}

/// `DELETE /v1/gate/identities/{id}`: delete an end user with its sessions and
/// memberships.
public struct DeleteIdentityEndpoint: Endpoint {
    /// The answer: `204`.
    public typealias Response = NoContent

    /// `/v1/gate/identities/{id}`.
    public let path: EndpointPath

    /// Checks the ID and builds the endpoint.
    ///
    /// - Parameter identityID: The identity ID.
    /// - Throws: ``VerneInvalidRequestError`` when the ID is empty, `.` or `..`.
    public init(identityID: String) throws { path = try GatePaths.identity(identityID) }

    /// `DELETE`.
    public var method: HTTPMethod { .delete }
}

/// `PATCH /v1/gate/identities/{id}/state`: activate or deactivate an end user.
public struct SetIdentityStateEndpoint: Endpoint {
    /// The answer: the changed identity.
    public typealias Response = Identity

    struct Body: Encodable, Sendable {
        var state: Identity.State
    }

    /// `/v1/gate/identities/{id}/state`.
    public let path: EndpointPath
    let content: Body

    /// Checks the arguments and builds the endpoint.
    ///
    /// - Parameters:
    ///   - identityID: The identity ID.
    ///   - state: The new state.
    /// - Throws: ``VerneInvalidRequestError`` when an argument makes the call impossible.
    public init(identityID: String, state: Identity.State) throws {
        path = try GatePaths.identity(identityID).appending("/state")
        try Check.notEmpty(state.rawValue, "state")
        content = Body(state: state)
    }

    /// `PATCH`.
    public var method: HTTPMethod { .patch }
    /// `{"state": …}`.
    public var body: RequestBody? { RequestBody(content) }
    /// Safe: setting the same state twice changes nothing more.
    public var repeatability: Repeatability { .safe }
}

/// `POST /v1/gate/identities/{id}/resend-verification`: send a fresh verification email.
public struct ResendVerificationEndpoint: Endpoint {
    /// The answer: `204`.
    public typealias Response = NoContent

    /// `/v1/gate/identities/{id}/resend-verification`.
    public let path: EndpointPath

    /// Checks the ID and builds the endpoint.
    ///
    /// - Parameter identityID: The identity ID.
    /// - Throws: ``VerneInvalidRequestError`` when the ID is empty, `.` or `..`.
    public init(identityID: String) throws {
        path = try GatePaths.identity(identityID).appending("/resend-verification")
    }

    /// `POST`, without a body.
    public var method: HTTPMethod { .post }
}
