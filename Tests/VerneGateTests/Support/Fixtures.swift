/// Answers of the Gate API, as API.md documents them, with the identity service's
/// nanosecond timestamps and members the SDK does not type.
enum Fixture {
    static let identity = """
        {"id": "idn_123", "schema_id": "user", "state": "active",
         "traits": {"email": "user@example.com", "locale": "fr"},
         "created_at": "2026-03-17T12:00:00.123456789Z",
         "updated_at": "2026-03-17T12:00:01Z",
         "state_changed_at": "2026-03-17T14:00:00+02:00",
         "metadata_public": {"plan": "pro"},
         "verifiable_addresses": [{"value": "user@example.com", "verified": false}],
         "recovery_addresses": [{"value": "user@example.com", "via": "email"}],
         "organization_id": null, "credentials": {"password": {"type": "password"}}}
        """

    static let metadata = #"{"metadata_public": {"plan": "pro", "seats": 5}}"#

    static let orgClaimPage = """
        {"data": [{"id": "org_1", "role": "admin", "permissions": ["invoices:write"]}],
         "has_more": false, "next_cursor": null}
        """

    static let accessToken = """
        {"access_token": "gat_secret_abc", "expires_at": "2026-03-17T13:00:00.5Z",
         "subject": "usr_123", "tenant_id": "ten_001", "token_type": "bearer"}
        """

    static let introspection = """
        {"active": true, "subject": "idn_123", "tenant_id": "ten_001",
         "scopes": ["gate.tokens.read"], "expires_at": "2026-03-17T13:00:00Z",
         "orgs": [{"id": "org_1", "role": "admin", "permissions": ["a:b", "c:d"]}],
         "orgs_truncated": true, "client_id": "extra"}
        """

    static let decision = """
        {"allowed": true, "decision_id": "dec_1", "reason": "member_with_permission",
         "role": "admin", "evaluated_in_ms": 3}
        """

    static let session = """
        {"id": "ses_1", "active": true,
         "authenticated_at": "2026-03-17T12:00:00.000000001Z",
         "expires_at": "2026-03-18T12:00:00Z", "issued_at": "2026-03-17T12:00:00Z",
         "authenticator_assurance_level": "aal2",
         "authentication_methods": [{"method": "password", "aal": "aal1"}],
         "devices": [{"ip_address": "203.0.113.7"}],
         "identity": {"id": "idn_123"}, "tokenized": null, "extra": 1}
        """

    static let sessionCheck = """
        {"active": true, "aal": "aal2", "mfa_required": true, "mfa_satisfied": true,
         "identity_id": "idn_123", "orgs": [{"id": "org_1", "role": "admin",
         "permissions": []}], "orgs_truncated": false, "new_field": "x"}
        """

    static let organization = """
        {"id": "org_1", "name": "Acme", "created_at": "2026-03-17T12:00:00.25Z",
         "updated_at": "2026-03-17T12:00:00Z", "member_count": 3}
        """

    static let role = """
        {"id": "rol_1", "organization_id": "org_1", "name": "admin",
         "permissions": ["invoices:read", "invoices:write"],
         "created_at": "2026-03-17T12:00:00Z", "updated_at": "2026-03-17T12:00:00Z"}
        """

    static let member = """
        {"organization_id": "org_1", "identity_id": "idn_123", "role_id": "rol_1",
         "expires_at": "2027-01-01T00:00:00Z", "created_at": "2026-03-17T12:00:00Z",
         "updated_at": "2026-03-17T12:00:00Z"}
        """

    static let security = #"{"passwordless_enabled": true, "mfa_enabled": false}"#

    static let providers = """
        {"providers": [{"provider": "google", "enabled": true},
                       {"provider": "github", "enabled": false}]}
        """

    static let returnURLs = #"{"return_urls": ["https://app.example.com/auth/return"]}"#

    static let flow = """
        {"id": "flw_1", "type": "browser", "ui": {"action": "https://x/login",
         "nodes": [{"attributes": {"name": "identifier"}}]}}
        """

    static let exchange = """
        {"session_token": "ory_st_secret", "session": {"id": "ses_1", "active": true},
         "identity_id": "idn_123"}
        """

    static let auditEntry = """
        {"id": "aud_1", "occurred_at": "2026-03-17T12:00:00.987654321Z",
         "action": "organization.member_added",
         "actor": {"type": "api_key", "id": "key_1"},
         "target": {"type": "organization", "id": "org_1"}, "project_id": "prj_1",
         "details": {"role_id": "rol_1"}, "ip": "203.0.113.7", "user_agent": "verne-swift"}
        """

    static let lifecycleRules = """
        {"tier": "free", "rules": [
          {"kind": "delete_unverified", "configured": true, "enabled": true,
           "params": {"delete_after_days": 30, "warn_before_days": 7}, "available": true,
           "disabled_reason": null, "enabled_at": "2026-03-17T12:00:00Z",
           "updated_at": "2026-03-17T12:00:00Z", "pending": 4},
          {"kind": "expire_roles", "configured": false, "enabled": false, "params": null,
           "available": false, "disabled_reason": "plan", "enabled_at": null,
           "updated_at": null, "pending": 0}]}
        """

    static let lifecycleRule = """
        {"kind": "delete_unverified", "configured": true, "enabled": false,
         "params": {"delete_after_days": 30, "warn_before_days": 7}, "available": true,
         "disabled_reason": null, "enabled_at": null, "updated_at": "2026-03-17T12:00:00Z",
         "pending": 0}
        """

    static let lifecyclePreview = """
        {"kind": "delete_inactive", "available": false, "matching_now": 1000, "capped": true}
        """

    static let lifecycleAction = """
        {"id": "lca_1", "kind": "delete_unverified", "step": "warn", "identity_id": "idn_123",
         "status": "done", "basis_at": "2026-03-01T00:00:00Z",
         "due_at": "2026-03-17T12:00:00.000001Z", "reason": null,
         "created_at": "2026-03-01T00:00:00Z", "finished_at": "2026-03-17T12:00:01Z"}
        """

    /// A one-item page around an object fixture.
    static func page(_ item: String, hasMore: Bool = false, next: String? = nil) -> String {
        let cursor = next.map { "\"\($0)\"" } ?? "null"
        return #"{"data": [\#(item)], "has_more": \#(hasMore), "next_cursor": \#(cursor)}"#
    }
}
