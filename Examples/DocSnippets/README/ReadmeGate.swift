import Verne

/// The README's Gate tour, with the blocking client.
enum ReadmeGate {
    static func identities(verne: Verne) throws {
        // snippet.begin readme-gate-identities
        // Create an end user (schema "user": an email, optionally a locale).
        let identity = try verne.gate.identities.create(
            traits: ["email": "user@example.com", "locale": "en"],
            credentials: .password("StrongPassword123!")
        )

        // Read one.
        let fetched = try verne.gate.identities.get(identity.id)
        print(fetched.traits["email"]?.stringValue ?? "-", fetched.state)

        // Change one with a JSON Patch (RFC 6902), applied all or nothing.
        try verne.gate.identities.patch(
            identity.id,
            [
                .test("/traits/locale", equals: "en"),
                .replace("/traits/locale", with: "fr"),
            ])

        // Delete one, with its sessions and memberships.
        try verne.gate.identities.delete(identity.id)
        // snippet.end
    }

    static func tokens(verne: Verne) throws {
        // snippet.begin readme-gate-tokens
        let token = try verne.gate.tokens.create(
            subject: "usr_123",
            scopes: ["gate.tokens.read"],  // optional
            ttl: .seconds(3600)  // optional: one hour by default, 24 hours at most
        )
        // token.accessToken (gat_…) goes to the downstream request; token.expiresAt is a Date.

        let info = try verne.gate.tokens.introspect(token.accessToken)
        if !info.active {
            // expired, unknown, another tenant's, or its user was deactivated
        }
        // snippet.end
    }

    static func authorize(verne: Verne) throws {
        // snippet.begin readme-gate-authorize
        let decision = try verne.gate.authorize(
            subject: "usr_123",
            action: "relay.messages.read",
            resource: "tenant:ten_001"
        )
        guard decision.allowed else { throw Forbidden(reason: decision.reason) }
        // snippet.end
    }

    static func otherAreas(
        verne: Verne, identityID: String, sessionToken: String, tenantID: String
    ) throws {
        // snippet.begin readme-gate-more
        // identityID: one of your users; sessionToken: a signed-in user's session token;
        // tenantID: your tenant's ID (ten_…).
        let gate = try verne.gate

        try gate.identities.updateMetadata(of: identityID, set: ["plan": "pro"])
        let check = try gate.sessions.check(sessionToken: sessionToken)
        print(check.mfaSatisfied)
        let signed = try gate.tokens.createSigned(sessionToken: sessionToken)  // 15 minutes
        print(try gate.tokens.verifySigned(signed.token, tenantID: tenantID).subject)  // offline

        let org = try gate.organizations.create(name: "Acme")
        let admin = try gate.organizations.roles(in: org.id)
            .create(name: "admin", permissions: ["invoices:write"])
        try gate.organizations.members(of: org.id).add(identityID: identityID, roleID: admin.id)
        let mayWrite = try gate.organizations.can(
            orgID: org.id, identityID: identityID, permission: "invoices:write")
        print(mayWrite)

        print(try gate.settings.security().mfaEnabled)
        try gate.auditLog.all(action: "organization.member_added").forEach { print($0.occurredAt) }
        try gate.lifecycle.setRule(
            .deleteUnverified, enabled: true,
            params: ["delete_after_days": 30, "warn_before_days": 7])

        try gate.sessions.revokeAll(identityID: identityID)  // "sign out everywhere"
        try gate.identities.deactivate(identityID)  // no more sign-in; nothing deleted
        // snippet.end
    }
}
