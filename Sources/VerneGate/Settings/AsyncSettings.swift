import VerneCore

/// Your tenant's Gate settings, for async code: security, social-login providers and
/// return URLs.
public struct AsyncSettings: Sendable {
    let engine: AsyncEngine

    /// Reads the security settings.
    ///
    /// - Returns: Whether passwordless sign-in and a second factor are on.
    /// - Throws: A ``VerneError``.
    public func security() async throws -> SecuritySettings {
        try await engine.run(GetSecuritySettingsEndpoint())
    }

    /// Replaces the security settings; both values are required, nothing is merged.
    ///
    /// - Parameters:
    ///   - passwordlessEnabled: Whether end users may sign in without a password.
    ///   - mfaEnabled: Whether a second factor is required.
    /// - Throws: A ``VerneError``.
    public func replaceSecurity(passwordlessEnabled: Bool, mfaEnabled: Bool) async throws {
        _ = try await engine.run(
            ReplaceSecuritySettingsEndpoint(
                settings: SecuritySettings(
                    passwordlessEnabled: passwordlessEnabled, mfaEnabled: mfaEnabled)))
    }

    /// Reads every supported social-login provider and whether it is on.
    ///
    /// - Returns: The providers.
    /// - Throws: A ``VerneError``.
    public func oidcProviders() async throws -> [OIDCProvider] {
        try await engine.run(GetOIDCProvidersEndpoint())
    }

    /// Switches social-login providers on or off; providers left out are unchanged.
    ///
    /// ```swift
    /// try await gate.settings.updateOIDCProviders([
    ///     OIDCProvider(provider: "google", enabled: true)
    /// ])
    /// ```
    ///
    /// - Parameter providers: The providers to change.
    /// - Returns: Every provider after the change.
    /// - Throws: A ``VerneError``.
    @discardableResult
    public func updateOIDCProviders(
        _ providers: [OIDCProvider]
    ) async throws -> [OIDCProvider] {
        try await engine.run(UpdateOIDCProvidersEndpoint(providers: providers))
    }

    /// Reads the return URLs, the addresses on your backend that receive end users (with
    /// a one-time code) after a social login; the first is the default.
    ///
    /// - Returns: The URLs.
    /// - Throws: A ``VerneError``.
    public func returnURLs() async throws -> [String] {
        try await engine.run(GetReturnURLsEndpoint())
    }

    /// Replaces the return URLs.
    ///
    /// They are matched exactly. `https` only, except `http://localhost` and
    /// `http://127.0.0.1`; no query, fragment, `@` or wildcard. An empty list switches
    /// social login off.
    ///
    /// - Parameter returnURLs: At most 10 URLs.
    /// - Returns: The URLs as they will be matched.
    /// - Throws: ``VerneInvalidRequestError`` for more than 10; ``VerneAPIError``
    ///   (`400 invalid_payload` naming a refused entry) and other ``VerneError``s.
    @discardableResult
    public func replaceReturnURLs(_ returnURLs: [String]) async throws -> [String] {
        try await engine.run(ReplaceReturnURLsEndpoint(returnURLs: returnURLs))
    }
}
