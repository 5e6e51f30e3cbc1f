import Foundation

/// Removes credentials from text before it reaches a log, a description or an error.
///
/// Recognised: API keys (`vrn_…`), Gate access tokens (`gat_…`), session tokens
/// (`ory_st_…`, `sess_…`), webhook secrets (`whsec_…`), bearer values and compact JWTs
/// (`eyJ….….…`).
package enum Redactor {
    private static let patterns: [NSRegularExpression] = [
        #"(?i)bearer\s+[A-Za-z0-9._~+/=-]+"#,
        #"\b(vrn|gat|whsec|ory_st|ory_ht|sess|st)_[A-Za-z0-9._~+/=-]+"#,
        #"\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*"#,
    ].map { try! NSRegularExpression(pattern: $0) }

    /// The text with every credential replaced by `<redacted>`.
    ///
    /// - Parameter text: Any text.
    /// - Returns: The text, safe to log.
    package static func redact(_ text: String) -> String {
        guard text.contains("_") || text.contains("eyJ") || text.lowercased().contains("bearer")
        else { return text }

        var result = text
        for pattern in patterns {
            let range = NSRange(result.startIndex..., in: result)
            result = pattern.stringByReplacingMatches(
                in: result, range: range, withTemplate: "<redacted>")
        }
        return result
    }

    /// A credential shown as its first few characters only, for example `vrn_9f…`.
    ///
    /// - Parameter secret: The credential.
    /// - Returns: A hint that identifies the kind of credential without revealing it.
    package static func hint(_ secret: String) -> String {
        guard let underscore = secret.firstIndex(of: "_") else { return "<redacted>" }
        return String(secret[...underscore]) + "…<redacted>"
    }
}
