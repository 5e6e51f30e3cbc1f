import Foundation
import VerneCore

/// `/v1/gate/settings/security`, `/oidc-providers` and `/return-urls`.
///
/// Security settings are replaced whole (both fields required; `204`). Providers are
/// updated one by one (unknown ones are `400`; those left out keep their state) and the
/// answer lists every supported one. Return URLs are replaced: at most 10, `https` only
/// except `http://localhost` and `http://127.0.0.1`, no query, fragment, `@` or wildcard.
enum SettingsRoutes: EmulatorRouteGroup {
    static func register(in router: inout EmulatorRouter) {
        let access = RouteAccess.apiKey(.gate)
        let root = "/v1/gate/settings"
        router.add("GET", root + "/security", access: access, handler: security)
        router.add("PUT", root + "/security", access: access, handler: replaceSecurity)
        router.add("GET", root + "/oidc-providers", access: access, handler: providers)
        router.add("PUT", root + "/oidc-providers", access: access, handler: updateProviders)
        router.add("GET", root + "/return-urls", access: access, handler: returnURLs)
        router.add("PUT", root + "/return-urls", access: access, handler: replaceReturnURLs)
    }

    private static func settings(_ call: RouteCall, _ state: EmulatorState) -> GateSettings {
        state.tenants[call.tenantID]?.gate.settings ?? GateSettings()
    }

    private static func security(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        .ok(settings(call, state).securityWire)
    }

    private static func replaceSecurity(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        let body = try call.objectBody()
        let passwordless = try Field.requiredBool(body, "passwordless_enabled")
        let mfa = try Field.requiredBool(body, "mfa_enabled")
        state.withTenant(call.tenantID) { tenant in
            tenant.gate.settings.passwordlessEnabled = passwordless
            tenant.gate.settings.mfaEnabled = mfa
            tenant.gate.audit(
                "settings.security_updated", call, target: target("security"),
                details: ["passwordless_enabled": .bool(passwordless), "mfa_enabled": .bool(mfa)])
        }
        return .noContent
    }

    private static func providers(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        .ok(settings(call, state).providersWire)
    }

    private static func updateProviders(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        let body = try call.objectBody()
        guard let list = body["providers"]?.arrayValue else {
            throw EmulatorFailure.invalidPayload("Field 'providers' must be an array.")
        }
        let changes = try list.map { element -> (String, Bool) in
            guard let entry = element.objectValue else {
                throw EmulatorFailure.invalidPayload(
                    "Each provider is {\"provider\", \"enabled\"}.")
            }
            let name = try Field.requiredString(entry, "provider")
            guard GateSettings.supportedProviders.contains(name) else {
                throw EmulatorFailure.invalidPayload(
                    "Unknown provider '\(name)'; supported: "
                        + GateSettings.supportedProviders.joined(separator: ", ") + ".")
            }
            return (name, try Field.requiredBool(entry, "enabled"))
        }
        let updated = state.withTenant(call.tenantID) { tenant -> GateSettings in
            for (name, enabled) in changes {
                if enabled {
                    tenant.gate.settings.enabledProviders.insert(name)
                } else {
                    tenant.gate.settings.enabledProviders.remove(name)
                }
            }
            let summary = changes.map {
                JSONValue.object(["provider": .string($0.0), "enabled": .bool($0.1)])
            }
            tenant.gate.audit(
                "settings.oidc_providers_updated", call, target: target("oidc_providers"),
                details: ["providers": .array(summary)])
            return tenant.gate.settings
        }
        return .ok(updated.providersWire)
    }

    private static func returnURLs(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        .ok(["return_urls": .array(settings(call, state).returnURLs.map(JSONValue.string))])
    }

    private static func replaceReturnURLs(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        let body = try call.objectBody()
        guard let list = body["return_urls"]?.arrayValue else {
            throw EmulatorFailure.invalidPayload("Field 'return_urls' must be an array of URLs.")
        }
        guard list.count <= GateSettings.maximumReturnURLs else {
            throw EmulatorFailure.invalidPayload(
                "At most \(GateSettings.maximumReturnURLs) return URLs.")
        }
        let urls = try list.map { element -> String in
            guard let text = element.stringValue else {
                throw EmulatorFailure.invalidPayload(
                    "Field 'return_urls' must be an array of URLs.")
            }
            try GateSettings.checkReturnURL(text)
            return text
        }
        state.withTenant(call.tenantID) { tenant in
            tenant.gate.settings.returnURLs = urls
            tenant.gate.audit(
                "settings.return_urls_updated", call, target: target("return_urls"),
                details: ["count": .integer(urls.count)])
        }
        return .ok(["return_urls": .array(urls.map(JSONValue.string))])
    }

    private static func target(_ name: String) -> AuditTarget {
        AuditTarget(type: "settings", id: name)
    }
}
