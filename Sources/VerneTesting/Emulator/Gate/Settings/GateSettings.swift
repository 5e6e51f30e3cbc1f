import Foundation
import VerneCore

/// One tenant's sign-in settings.
struct GateSettings: Sendable {
    /// The social-login providers the emulator supports, in the order it lists them.
    static let supportedProviders = ["apple", "github", "google", "microsoft"]
    /// The most return URLs a tenant may register.
    static let maximumReturnURLs = 10

    var passwordlessEnabled = false
    var mfaEnabled = false
    /// The enabled providers.
    var enabledProviders: Set<String> = []
    /// The registered return URLs; the first is the default.
    var returnURLs: [String] = []

    /// `{"passwordless_enabled", "mfa_enabled"}`.
    var securityWire: JSONValue {
        ["passwordless_enabled": .bool(passwordlessEnabled), "mfa_enabled": .bool(mfaEnabled)]
    }

    /// `{"providers": [{"provider", "enabled"}]}` for every supported provider.
    var providersWire: JSONValue {
        let list = Self.supportedProviders.map { name -> JSONValue in
            ["provider": .string(name), "enabled": .bool(enabledProviders.contains(name))]
        }
        return ["providers": .array(list)]
    }

    /// Checks one return URL: `https`, or `http` to `localhost` or `127.0.0.1`; no query,
    /// fragment, `@` or wildcard.
    ///
    /// - Parameter text: The URL.
    /// - Throws: `400 invalid_payload` naming the URL.
    static func checkReturnURL(_ text: String) throws {
        let refuse = EmulatorFailure.invalidPayload(
            "Return URL '\(text)' must be https (or http://localhost, http://127.0.0.1) with "
                + "no query, fragment, '@' or wildcard.")
        guard !text.contains("@"), !text.contains("*"), !text.contains("?"), !text.contains("#"),
            !text.contains(where: \.isWhitespace),
            let components = URLComponents(string: text),
            let scheme = components.scheme?.lowercased(),
            let host = components.host?.lowercased(), !host.isEmpty
        else { throw refuse }
        switch scheme {
        case "https": return
        case "http" where host == "localhost" || host == "127.0.0.1": return
        default: throw refuse
        }
    }
}

/// A tenant's plan, which decides the lifecycle rules it may switch on and how many
/// active users it may have.
struct GatePlan: Sendable {
    /// The plans the service knows.
    static let tiers = ["free", "pro", "advanced", "contract"]

    /// `free` until changed.
    var tier = "free"
    /// The most active users registration allows, or `nil` for no limit.
    var activeUserLimit: Int?
}

/// A one-time social-login code waiting to be exchanged.
struct SocialLoginCode: Sendable {
    /// How long a code works.
    static let lifetime: TimeInterval = 60

    var identityID: String
    var provider: String
    var expiresAt: Date
}
