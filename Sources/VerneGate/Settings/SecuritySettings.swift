import VerneCore

/// Your tenant's sign-in security settings.
public struct SecuritySettings: Sendable, Hashable, Codable {
    /// Whether end users may sign in without a password.
    public var passwordlessEnabled: Bool
    /// Whether a second factor is required; with it on, `sessions.check(...)` refuses a
    /// one-factor session with `403 mfa_required`.
    public var mfaEnabled: Bool

    /// Creates settings; both values are required because saving them replaces both.
    ///
    /// - Parameters:
    ///   - passwordlessEnabled: Whether passwordless sign-in is on.
    ///   - mfaEnabled: Whether a second factor is required.
    public init(passwordlessEnabled: Bool, mfaEnabled: Bool) {
        self.passwordlessEnabled = passwordlessEnabled
        self.mfaEnabled = mfaEnabled
    }

    private enum CodingKeys: String, CodingKey {
        case passwordlessEnabled = "passwordless_enabled"
        case mfaEnabled = "mfa_enabled"
    }

    /// Decodes the settings; a missing flag counts as off.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` when a member has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        passwordlessEnabled =
            try container.decodeIfPresent(Bool.self, forKey: .passwordlessEnabled) ?? false
        mfaEnabled = try container.decodeIfPresent(Bool.self, forKey: .mfaEnabled) ?? false
    }
}
