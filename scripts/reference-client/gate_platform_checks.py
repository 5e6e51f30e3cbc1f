"""Reference-client checks of Gate's platform features: settings, public providers,
sign-in flows, social-login exchange, the audit log and lifecycle rules."""

from datetime import timedelta

from vernesoft import OidcProvider, Verne

from gate_access_checks import emulator_now
from support import BASE_URL, api_error, check, control, is_time


def check_settings_and_sign_in(gate, key):
    print("gate: settings, providers, flows, social-login exchange")
    settings = gate.settings
    security = settings.get_security()
    check(not security.passwordless_enabled and not security.mfa_enabled, f"security: {security}")
    check(settings.update_security(passwordless_enabled=True, mfa_enabled=False) is None,
          "update_security: no value")
    check(settings.get_security().passwordless_enabled, "security replaced")

    providers = settings.get_oidc_providers()
    check([p.provider for p in providers] == ["apple", "github", "google", "microsoft"],
          f"providers: {providers}")
    updated = settings.update_oidc_providers([OidcProvider(provider="google", enabled=True),
                                              OidcProvider(provider="github", enabled=True)])
    check(sorted(p.provider for p in updated if p.enabled) == ["github", "google"], "providers on")
    settings.update_oidc_providers([OidcProvider(provider="github", enabled=False)])
    api_error(lambda: settings.update_oidc_providers([OidcProvider(provider="myspace", enabled=True)]),
              400, "invalid_payload", "unknown provider")
    tenant = gate.tokens.create(subject="svc").tenant_id
    public = Verne(api_key="vrn_unused", base_url=BASE_URL).gate.get_enabled_providers(tenant)
    check(public == ["google"], f"public providers: {public}")

    urls = ["https://app.example.com/callback", "http://localhost:3000/callback"]
    check(settings.update_return_urls(urls) == urls, "update_return_urls")
    check(settings.get_return_urls() == urls, "get_return_urls")
    for bad in ["http://app.example.com/cb", "https://app.example.com/cb?x=1", "https://a@b.com/",
                "https://*.example.com/cb"]:
        api_error(lambda: settings.update_return_urls([bad]), 400, "invalid_payload", f"return URL {bad}")
    api_error(lambda: settings.update_return_urls([f"https://a.example.com/{n}" for n in range(11)]),
              400, "invalid_payload", "11 return URLs")

    flow = gate.create_login_flow(state="csrf-token_1.2~3")
    check(flow.get("id") and flow.get("return_to") == urls[0] and flow.get("state") == "csrf-token_1.2~3",
          f"login flow: {flow}")
    check(flow["ui"]["method"] == "POST" and flow["ui"]["nodes"] == [] and is_time(flow["expires_at"]),
          "login flow ui")
    check(gate.create_login_flow(return_to=urls[1])["return_to"] == urls[1], "login flow return_to")
    api_error(lambda: gate.create_login_flow(return_to="https://evil.example.com/"), 400,
              "invalid_payload", "unregistered return_to")
    api_error(lambda: gate.create_login_flow(state="not valid!"), 400, "invalid_payload", "bad state")
    api_error(lambda: gate.create_login_flow(aal="aal2"), 400, "invalid_payload", "aal2 without session")
    user = gate.identities.create(traits={"email": "flow.user@example.com"})
    session = control("POST", "/_emulator/sessions", {"identity_id": user.id}, key=key)
    step_up = gate.create_login_flow(aal="aal2", session_token=session["session_token"])
    check(step_up.get("requested_aal") == "aal2", f"step-up flow: {step_up}")
    registration = gate.create_registration_flow(state="abc")
    check(registration.get("id") and registration.get("state") == "abc", "registration flow")
    control("POST", "/_emulator/plan", {"active_user_limit": 1}, key=key)
    error = api_error(lambda: gate.create_registration_flow(), 402, "ACTIVE_USER_LIMIT_REACHED",
                      "registration past the limit")
    check(error is not None and error.details.get("limit") == 1, "limit detail")
    control("POST", "/_emulator/plan", {"active_user_limit": None}, key=key)

    code = control("POST", "/_emulator/social-login-codes", {"identity_id": user.id}, key=key)["code"]
    exchanged = gate.exchange_oidc_code(code)
    check(exchanged.session_token and exchanged.session.identity["id"] == user.id,
          f"exchange: {exchanged.session}")
    check(gate.sessions.check(exchanged.session_token).identity_id == user.id, "exchanged session works")
    api_error(lambda: gate.exchange_oidc_code(code), 404, "not_found", "code used twice")
    return user


def check_audit_log(gate, user):
    print("gate: audit log")
    log = gate.audit_log
    page = log.list(limit=5)
    check(len(page.data) == 5 and page.has_more and page.next_cursor, "audit page")
    newest = page.data[0]
    check(newest.id.startswith("aud_") and is_time(newest.occurred_at), f"audit entry: {newest}")
    times = [e.occurred_at for e in page.data]
    check(times == sorted(times, reverse=True), "audit newest first")
    seen, cursor = [], None
    while True:
        chunk = log.list(limit=3, cursor=cursor, action="settings.oidc_providers_updated")
        seen += chunk.data
        if not chunk.has_more:
            break
        cursor = chunk.next_cursor
    check(len(seen) == 2 and all(e.action == "settings.oidc_providers_updated" for e in seen),
          "audit paging with a filter")
    logins = log.list(actor_type="end_user")
    check(logins.data and all(e.actor.type == "end_user" for e in logins.data), "actor_type filter")
    check(all(e.actor.id == user.id for e in log.list(actor_id=user.id).data), "actor_id filter")
    targeted = log.list(target_id=user.id, action="identity.created")
    check(len(targeted.data) == 1 and targeted.data[0].target.type == "identity", "target_id filter")
    check(targeted.data[0].project_id and targeted.data[0].actor.type == "api_key", "project, actor")
    now = emulator_now()
    check(log.list(from_=now + timedelta(minutes=1)).data == [], "from in the future")
    check(len(log.list(from_=now - timedelta(days=1), to=now + timedelta(minutes=1)).data) > 0,
          "from/to window")
    api_error(lambda: log.list(action="identity.exploded"), 400, "invalid_payload", "unknown action")
    api_error(lambda: log.list(from_=now, to=now - timedelta(hours=1)), 400, "invalid_payload",
              "to before from")


def check_lifecycle(gate, key):
    print("gate: lifecycle rules and actions")
    lifecycle = gate.lifecycle
    rules = lifecycle.list_rules()
    check(rules.tier == "free" and [r.kind for r in rules.rules] == [
        "delete_unverified", "remind_unverified", "expire_roles", "delete_inactive"], f"rules: {rules}")
    check([r.available for r in rules.rules] == [True, False, False, False], "free plan availability")
    api_error(lambda: lifecycle.set_rule("remind_unverified", enabled=True,
                                         params={"remind_after_hours": 24}),
              403, "plan_required", "rule outside the plan")
    api_error(lambda: lifecycle.set_rule("delete_unverified", enabled=True,
                                         params={"delete_after_days": 1, "warn_before_days": 1}),
              400, "invalid_payload", "delete_after_days below 2")
    api_error(lambda: lifecycle.set_rule("delete_unverified", enabled=True,
                                         params={"delete_after_days": 14, "warn_before_days": 14}),
              400, "invalid_payload", "warn_before_days not below delete_after_days")
    api_error(lambda: lifecycle.set_rule("delete_unverified", enabled=True), 400, "invalid_payload",
              "first write without params")
    preview = lifecycle.preview_rule("delete_unverified", {"delete_after_days": 2, "warn_before_days": 1})
    check(preview.kind == "delete_unverified" and preview.available and not preview.capped,
          f"preview: {preview}")
    check(lifecycle.preview_rule("expire_roles").kind == "expire_roles", "preview without params")
    saved = lifecycle.set_rule("delete_unverified", enabled=False,
                               params={"delete_after_days": 30, "warn_before_days": 7})
    check(saved.configured and not saved.enabled and saved.params["delete_after_days"] == 30, "saved")
    switched = lifecycle.set_rule("delete_unverified", enabled=True)
    check(switched.enabled and switched.params == {"delete_after_days": 30, "warn_before_days": 7}
          and is_time(switched.enabled_at), "params left out are kept")
    actions = lifecycle.list_actions(status="pending", limit=2)
    check(actions.data and all(a.kind == "delete_unverified" and a.status == "pending"
                               for a in actions.data), f"pending actions: {actions}")
    check(all(is_time(a.due_at) and a.step in ("warn", "delete") for a in actions.data), "action shape")
    check(lifecycle.list_rules().rules[0].pending > 0, "rule counts pending people")
    lifecycle.set_rule("delete_unverified", enabled=False)
    cancelled = lifecycle.list_actions(status="cancelled", kind="delete_unverified")
    check(cancelled.data and cancelled.data[0].reason == "rule_disabled", "switch-off cancels")
    api_error(lambda: lifecycle.list_actions(status="lost"), 400, "invalid_payload", "bad status")
    check(lifecycle.delete_rule("delete_unverified") is None, "delete rule")
    check(lifecycle.delete_rule("delete_unverified") is None, "delete rule again")
    control("POST", "/_emulator/plan", {"tier": "pro"}, key=key)
    check(lifecycle.set_rule("expire_roles", enabled=True).enabled, "expire_roles on the pro plan")
    api_error(lambda: lifecycle.set_rule("delete_inactive", enabled=False,
                                         params={"inactive_after_months": 6, "warn_before_days": 5}),
              400, "invalid_payload", "warn_before_days below 7")


def run(key):
    gate = Verne(api_key=key, base_url=BASE_URL).gate
    user = check_settings_and_sign_in(gate, key)
    check_audit_log(gate, user)
    check_lifecycle(gate, key)
