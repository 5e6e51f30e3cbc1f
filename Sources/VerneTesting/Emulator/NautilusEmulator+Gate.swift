import Foundation
import VerneCore

extension NautilusEmulator {
    /// Starts a session for one of a tenant's end users, as if they had signed in.
    ///
    /// The session lives 24 hours of the emulator's clock unless revoked; it stops working
    /// while its user is inactive and disappears with them. An `identity.login` audit entry
    /// is written.
    ///
    /// - Parameters:
    ///   - identityID: The end user.
    ///   - key: An API key of the tenant the user belongs to.
    ///   - aal: The assurance level; ``EmulatorAssuranceLevel/aal2`` satisfies a tenant
    ///     that requires MFA.
    /// - Returns: The session and its token.
    /// - Throws: ``EmulatorSetupError`` when the tenant has no such identity or it is
    ///   inactive.
    public func createSession(
        forIdentity identityID: String, key: String, aal: EmulatorAssuranceLevel = .aal1
    ) throws -> EmulatorSession {
        let now = clock.now
        return try setUp { state in
            let tenantID = state.tenantID(forKey: key)
            state.runLifecycle(tenantID: tenantID, now: now)
            let session = try state.startSession(
                identityID: identityID, tenantID: tenantID, aal: aal.rawValue, method: "password",
                now: now)
            return EmulatorSession(
                sessionToken: session.token, sessionID: session.id, identityID: identityID,
                tenantID: tenantID)
        }
    }

    /// Makes the one-time code a social login hands the tenant's return URL, to exchange
    /// with `POST /v1/gate/auth/oidc/exchange`.
    ///
    /// The code works once, for 60 seconds of the emulator's clock, with a key of the same
    /// tenant.
    ///
    /// - Parameters:
    ///   - identityID: The end user who signed in.
    ///   - key: An API key of the tenant.
    ///   - provider: The provider the user signed in with, one the emulator supports.
    /// - Returns: The code.
    /// - Throws: ``EmulatorSetupError`` for an unknown identity or provider.
    public func mintSocialLoginCode(
        forIdentity identityID: String, key: String, provider: String = "google"
    ) throws -> String {
        let now = clock.now
        return try setUp { state in
            guard GateSettings.supportedProviders.contains(provider) else {
                throw EmulatorSetupError(
                    description: "The emulator does not support the provider '\(provider)'.")
            }
            let tenantID = state.tenantID(forKey: key)
            return try state.withTenant(tenantID) { tenant throws -> String in
                guard tenant.gate.identities[identityID] != nil else {
                    throw EmulatorSetupError(
                        description: "The tenant has no identity '\(identityID)'.")
                }
                let code = EmulatorIDs.make("oc_", length: 32)
                tenant.gate.socialLoginCodes[code] = SocialLoginCode(
                    identityID: identityID, provider: provider,
                    expiresAt: now.addingTimeInterval(SocialLoginCode.lifetime))
                return code
            }
        }
    }

    /// Replaces a tenant's token-signing key with a fresh one.
    ///
    /// New tokens carry the new `kid` at once. The old key stays in the published key set
    /// for 20 minutes of the emulator's clock (a token's 15 minutes plus a margin), so
    /// tokens signed just before still verify; then it is dropped.
    ///
    /// - Parameter key: An API key of the tenant.
    /// - Returns: The new key's `kid`.
    /// - Throws: ``EmulatorSetupError`` when the platform cannot make a key.
    @discardableResult
    public func rotateSigningKey(forKey key: String) throws -> String {
        let now = clock.now
        return try setUp { state in
            let tenantID = state.tenantID(forKey: key)
            return try state.withTenant(tenantID) { tenant throws -> String in
                var ring = try tenant.gate.keyRing()
                let retired = ring.current.keyID
                let keyID = try ring.rotate(at: now)
                tenant.gate.signingKeys = ring
                tenant.gate.audit(
                    "signing_key.rotated", actor: .system, at: now,
                    target: AuditTarget(type: "signing_key", id: keyID),
                    details: ["retired_kid": .string(retired)])
                return keyID
            }
        }
    }

    /// The `kid`s of a tenant's published signing keys, the current one first.
    ///
    /// - Parameter key: An API key of the tenant.
    /// - Returns: The key IDs.
    /// - Throws: ``EmulatorSetupError`` when the platform cannot make a key.
    public func signingKeyIDs(forKey key: String) throws -> [String] {
        let now = clock.now
        return try setUp { state in
            let tenantID = state.tenantID(forKey: key)
            return try state.withTenant(tenantID) { try $0.gate.keyRing() }.published(at: now).map(
                \.keyID)
        }
    }

    /// Puts a tenant on a plan: `free` (the default), `pro`, `advanced` or `contract`.
    ///
    /// Only `delete_unverified` is in the free plan; moving to it switches other enabled
    /// lifecycle rules off, with `disabled_reason` `plan`, and cancels what they scheduled.
    ///
    /// - Parameters:
    ///   - tier: The plan.
    ///   - key: An API key of the tenant.
    /// - Throws: ``EmulatorSetupError`` for an unknown plan.
    public func setPlan(_ tier: String, forKey key: String) throws {
        let now = clock.now
        try setUp { state in
            guard GatePlan.tiers.contains(tier) else {
                throw EmulatorSetupError(
                    description:
                        "Unknown plan '\(tier)'; plans: \(GatePlan.tiers.joined(separator: ", ")).")
            }
            let tenantID = state.tenantID(forKey: key)
            state.withTenant(tenantID) { tenant in
                tenant.gate.plan.tier = tier
                for kind in LifecycleKinds.all where !LifecycleKinds.isAvailable(kind, tier: tier) {
                    guard var rule = tenant.gate.lifecycle.rules[kind], rule.enabled else {
                        continue
                    }
                    rule.enabled = false
                    rule.enabledAt = nil
                    rule.disabledReason = "plan"
                    rule.updatedAt = now
                    tenant.gate.lifecycle.rules[kind] = rule
                    tenant.gate.lifecycle.cancel(reason: "plan", at: now) { $0.kind == kind }
                }
            }
        }
    }

    /// Sets how many active end users a tenant's plan allows; past it, starting a
    /// registration flow is `402 ACTIVE_USER_LIMIT_REACHED`.
    ///
    /// - Parameters:
    ///   - limit: The limit, or `nil` for none (the default).
    ///   - key: An API key of the tenant.
    public func setActiveUserLimit(_ limit: Int?, forKey key: String) {
        state.withLock { state in
            let tenantID = state.tenantID(forKey: key)
            state.withTenant(tenantID) { $0.gate.plan.activeUserLimit = limit }
        }
    }

    /// Runs a set-up change under the lock, turning API failures into set-up errors.
    private func setUp<Result>(_ body: (inout EmulatorState) throws -> Result) throws -> Result {
        do {
            return try state.withLock { try body(&$0) }
        } catch let failure as EmulatorFailure {
            throw EmulatorSetupError(description: failure.message)
        }
    }
}
