import VerneCore

/// Gate's end users, for async code: create, read, change, deactivate and delete them,
/// and keep your own fields about them in custom metadata.
public struct AsyncIdentities: Sendable {
    let engine: AsyncEngine

    /// Creates an end user of your project.
    ///
    /// ```swift
    /// let identity = try await gate.identities.create(
    ///     traits: ["email": "user@example.com"], credentials: .password("StrongPassword123!"))
    /// ```
    ///
    /// - Parameters:
    ///   - schemaID: The traits' schema; `user` by default.
    ///   - traits: The traits, a JSON object; for `user`, `email` (required) and `locale`.
    ///   - credentials: The first credentials, such as ``Credentials/password(_:)``.
    ///   - state: The initial state; ``Identity/State/active`` by default.
    /// - Returns: The new identity.
    /// - Throws: ``VerneInvalidRequestError`` before sending when an argument is unusable;
    ///   ``VerneAPIError`` (`409 conflict` when the email is taken) and other
    ///   ``VerneError``s.
    public func create(
        schemaID: String = "user", traits: JSONValue, credentials: Credentials? = nil,
        state: Identity.State = .active
    ) async throws -> Identity {
        try await engine.run(
            CreateIdentityEndpoint(
                schemaID: schemaID, traits: traits, credentials: credentials, state: state))
    }

    /// Reads an end user.
    ///
    /// - Parameter identityID: The identity ID.
    /// - Returns: The identity, with the whole answer in ``Identity/raw``.
    /// - Throws: ``VerneInvalidRequestError`` for an unusable ID; a ``VerneError``.
    public func get(_ identityID: String) async throws -> Identity {
        try await engine.run(GetIdentityEndpoint(identityID: identityID))
    }

    /// Changes an end user with a JSON Patch (RFC 6902).
    ///
    /// ```swift
    /// try await gate.identities.patch(id, [.replace("/traits/email", with: "new@example.com")])
    /// ```
    ///
    /// - Parameters:
    ///   - identityID: The identity ID.
    ///   - operations: The operations, applied in order, all or none.
    /// - Returns: The changed identity.
    /// - Throws: ``VerneInvalidRequestError`` for an unusable ID, an empty patch or a
    ///   malformed pointer; a ``VerneError``.
    @discardableResult
    public func patch(
        _ identityID: String, _ operations: [JSONPatchOperation]
    ) async throws -> Identity {
        try await engine.run(PatchIdentityEndpoint(identityID: identityID, operations: operations))
    }

    /// Deletes an end user, with its sessions and memberships.
    ///
    /// - Parameter identityID: The identity ID.
    /// - Throws: ``VerneInvalidRequestError`` for an unusable ID; a ``VerneError``.
    public func delete(_ identityID: String) async throws {
        _ = try await engine.run(DeleteIdentityEndpoint(identityID: identityID))
    }

    /// Sets whether an end user may sign in.
    ///
    /// - Parameters:
    ///   - identityID: The identity ID.
    ///   - state: The new state.
    /// - Returns: The changed identity.
    /// - Throws: ``VerneInvalidRequestError`` for an unusable argument; a ``VerneError``.
    @discardableResult
    public func setState(
        _ identityID: String, to state: Identity.State
    ) async throws -> Identity {
        try await engine.run(SetIdentityStateEndpoint(identityID: identityID, state: state))
    }

    /// Lets an end user sign in again.
    ///
    /// - Parameter identityID: The identity ID.
    /// - Returns: The changed identity.
    /// - Throws: ``VerneInvalidRequestError`` for an unusable ID; a ``VerneError``.
    @discardableResult
    public func activate(_ identityID: String) async throws -> Identity {
        try await setState(identityID, to: .active)
    }

    /// Stops an end user from signing in; their sessions and tokens stop working and
    /// nothing is deleted.
    ///
    /// - Parameter identityID: The identity ID.
    /// - Returns: The changed identity.
    /// - Throws: ``VerneInvalidRequestError`` for an unusable ID; a ``VerneError``.
    @discardableResult
    public func deactivate(_ identityID: String) async throws -> Identity {
        try await setState(identityID, to: .inactive)
    }

    /// Sends the end user a fresh email verification link.
    ///
    /// - Parameter identityID: The identity ID.
    /// - Throws: ``VerneInvalidRequestError`` for an unusable ID; a ``VerneError``.
    public func resendVerification(_ identityID: String) async throws {
        _ = try await engine.run(ResendVerificationEndpoint(identityID: identityID))
    }

    /// Reads an end user's custom metadata.
    ///
    /// - Parameter identityID: The identity ID.
    /// - Returns: The metadata; empty when nothing is set.
    /// - Throws: ``VerneInvalidRequestError`` for an unusable ID; a ``VerneError``.
    public func metadata(of identityID: String) async throws -> [String: JSONValue] {
        try await engine.run(GetIdentityMetadataEndpoint(identityID: identityID))
    }

    /// Merges changes into an end user's custom metadata; keys not named are kept.
    ///
    /// Removal is explicit: name the keys in `removing`. A `null` value in `set` is
    /// refused rather than silently removing the key.
    ///
    /// ```swift
    /// try await gate.identities.updateMetadata(
    ///     of: id, set: ["plan": "pro"], removing: ["trial_ends_at"])
    /// ```
    ///
    /// - Parameters:
    ///   - identityID: The identity ID.
    ///   - set: Keys to add or overwrite, with their values.
    ///   - removing: Keys to remove.
    /// - Returns: The whole metadata after the merge.
    /// - Throws: ``VerneInvalidRequestError`` for an unusable argument; a ``VerneError``.
    @discardableResult
    public func updateMetadata(
        of identityID: String, set: [String: JSONValue] = [:], removing: [String] = []
    ) async throws -> [String: JSONValue] {
        try await engine.run(
            UpdateIdentityMetadataEndpoint(identityID: identityID, set: set, removing: removing))
    }

    /// Lists the organizations an end user belongs to, one page at a time.
    ///
    /// - Parameters:
    ///   - identityID: The identity ID.
    ///   - limit: Page size, at most 100; the service's default when `nil`.
    ///   - cursor: The previous page's ``Page/nextCursor``, or `nil` for the first page.
    /// - Returns: One page of memberships, oldest first.
    /// - Throws: ``VerneInvalidRequestError`` for an unusable argument; a ``VerneError``.
    public func organizations(
        of identityID: String, limit: Int? = nil, cursor: String? = nil
    ) async throws -> Page<OrgClaim> {
        try await engine.run(
            ListIdentityOrganizationsEndpoint(identityID: identityID, limit: limit, cursor: cursor))
    }

    /// Every organization an end user belongs to, fetched page by page as you iterate.
    ///
    /// - Parameters:
    ///   - identityID: The identity ID.
    ///   - pageSize: Items per request; 100 by default.
    /// - Returns: The memberships as an async sequence.
    public func allOrganizations(
        of identityID: String, pageSize: Int = 100
    ) -> PageSequence<OrgClaim> {
        let engine = engine
        return PageSequence { cursor in
            try await engine.run(
                ListIdentityOrganizationsEndpoint(
                    identityID: identityID, limit: pageSize, cursor: cursor))
        }
    }
}
