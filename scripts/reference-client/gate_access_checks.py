"""Reference-client checks of Gate's access features: identities (state, metadata,
organizations), organizations, roles, members, permission checks, sessions and signed
tokens minted through whoami."""

from datetime import datetime, timedelta

from vernesoft import NOT_GIVEN, AsyncVerne, Verne

from support import (BASE_URL, api_error, async_api_error, check, control, get_json, is_time,
                     jwt_parts)


def emulator_now():
    """The emulator clock's reading, which earlier checks may have moved."""
    return datetime.fromisoformat(control("GET", "/_emulator/clock")["now"].replace("Z", "+00:00"))


def check_identity_extras(gate):
    print("gate: identity state, verification, metadata")
    ada = gate.identities.create(traits={"email": "ada.access@example.com"})
    check(gate.identities.set_state(ada.id, "inactive").state == "inactive", "set_state inactive")
    check(gate.identities.activate(ada.id).state == "active", "activate")
    check(gate.identities.deactivate(ada.id).state == "inactive", "deactivate")
    gate.identities.activate(ada.id)
    check(gate.identities.resend_verification(ada.id) is None, "resend_verification: no value")
    check(gate.identities.get_metadata(ada.id) == {}, "metadata: {} when unset")
    merged = gate.identities.update_metadata(ada.id, {"plan": "pro", "seats": 5})
    check(merged == {"plan": "pro", "seats": 5}, f"update_metadata: {merged}")
    check(gate.identities.update_metadata(ada.id, {"seats": None}) == {"plan": "pro"},
          "update_metadata: None removes a key")
    check(gate.identities.get_metadata(ada.id) == {"plan": "pro"}, "get_metadata after merge")
    api_error(lambda: gate.identities.set_state(ada.id, "banned"), 400, "invalid_payload",
              "set_state with an unknown state")
    return ada


def check_organizations(gate, ada, bob):
    print("gate: organizations, roles, members, permission checks")
    orgs = gate.organizations
    first = orgs.create(name="Acme")
    check(first.id.startswith("org_") and first.name == "Acme", f"create org: {first}")
    check(is_time(first.created_at) and is_time(first.updated_at), "org times")
    second = orgs.create(name="Globex")
    page = orgs.list(limit=1)
    check([o.id for o in page.data] == [first.id] and page.has_more, "org list: oldest first, paged")
    rest = orgs.list(limit=1, cursor=page.next_cursor)
    check([o.id for o in rest.data] == [second.id] and not rest.has_more, "org list: second page")
    check(orgs.get(first.id).name == "Acme", "get org")
    check(orgs.update(second.id, name="Globex Corp").name == "Globex Corp", "rename org")
    api_error(lambda: orgs.create(name=""), 400, "invalid_payload", "empty org name")
    api_error(lambda: orgs.create(name="x" * 121), 400, "invalid_payload", "org name over 120")

    admin = orgs.roles.create(first.id, name="admin",
                              permissions=["invoices:write", "invoices:read", "invoices:read"])
    check(admin.permissions == ["invoices:read", "invoices:write"], f"role permissions: {admin}")
    check(admin.organization_id == first.id, "role organization_id")
    viewer = orgs.roles.create(first.id, name="viewer", permissions=["invoices:read"])
    check([r.id for r in orgs.roles.list(first.id).data] == [admin.id, viewer.id], "role list")
    check(orgs.roles.get(first.id, viewer.id).name == "viewer", "role get")
    updated = orgs.roles.update(first.id, viewer.id, permissions=["docs:read"])
    check(updated.permissions == ["docs:read"], "role update replaces permissions")
    check(orgs.roles.update(first.id, viewer.id, name="reader").name == "reader", "role rename")
    api_error(lambda: orgs.roles.create(first.id, name="admin"), 409, "conflict", "duplicate role")
    api_error(lambda: orgs.roles.create(first.id, name="Admin"), 400, "invalid_payload",
              "uppercase role name")
    api_error(lambda: orgs.roles.create(first.id, name="x", permissions=["nautilus:all"]), 400,
              "invalid_payload", "reserved permission")
    api_error(lambda: orgs.roles.create(first.id, name="y", permissions=["*"]), 400,
              "invalid_payload", "wildcard permission")

    member = orgs.members.add(first.id, identity_id=ada.id, role_id=admin.id)
    check(member.identity_id == ada.id and member.expires_at is None, f"add member: {member}")
    deadline = emulator_now() + timedelta(hours=1)
    temp = orgs.members.add(first.id, identity_id=bob.id, role_id=viewer.id, expires_at=deadline)
    check(is_time(temp.expires_at), f"add member with a deadline: {temp}")
    api_error(lambda: orgs.members.add(first.id, identity_id=ada.id, role_id=viewer.id), 409,
              "conflict", "already a member")
    api_error(lambda: orgs.members.add(first.id, identity_id="nobody", role_id=viewer.id), 404,
              "not_found", "unknown identity")
    api_error(lambda: orgs.members.add(second.id, identity_id=ada.id, role_id=admin.id,
                                       expires_at=emulator_now() - timedelta(minutes=1)),
              400, "invalid_payload", "deadline in the past")
    api_error(lambda: orgs.members.add(second.id, identity_id=ada.id, role_id=admin.id,
                                       expires_at=emulator_now() + timedelta(days=3700)),
              400, "invalid_payload", "deadline over 10 years ahead")
    check(len(orgs.members.list(first.id).data) == 2, "member list")
    kept = orgs.members.update(first.id, bob.id, role_id=admin.id)
    check(kept.role_id == admin.id and kept.expires_at is not None, "member update keeps deadline")
    check(orgs.members.update(first.id, bob.id, expires_at=None).expires_at is None,
          "member update: None removes the deadline")
    check(orgs.members.update(first.id, bob.id, role_id=viewer.id,
                              expires_at=NOT_GIVEN).expires_at is None, "NOT_GIVEN keeps it")
    again = orgs.members.update(first.id, bob.id, expires_at=emulator_now() + timedelta(minutes=30))
    check(is_time(again.expires_at), "member update sets a deadline")
    api_error(lambda: orgs.members.update(first.id, bob.id), 400, "invalid_payload",
              "member update with neither field")

    allowed = orgs.authorize(first.id, ada.id, "invoices:write")
    check(allowed.allowed and allowed.reason == "member_with_permission" and allowed.role == "admin",
          f"authorize: {allowed}")
    without = orgs.authorize(first.id, bob.id, "invoices:write")
    check(without.reason == "member_without_permission" and without.role == "reader", f"{without}")
    check(orgs.can(first.id, ada.id, "invoices:read"), "can")
    check(not orgs.can(second.id, ada.id, "invoices:read"), "can: not a member")
    check(orgs.authorize("org_none", ada.id, "x").reason == "no_such_organization", "no such org")
    api_error(lambda: orgs.authorize(first.id, ada.id, "Invoices:*"), 400, "invalid_payload",
              "invalid permission in a check")
    api_error(lambda: orgs.roles.delete(first.id, admin.id), 409, "conflict", "held role delete")

    control("POST", "/_emulator/clock", {"advance_seconds": 1801})
    check(orgs.authorize(first.id, bob.id, "docs:read").reason == "not_a_member",
          "deadline passed: not a member")
    check([m.identity_id for m in orgs.members.list(first.id).data] == [ada.id],
          "expired member not listed")
    claims = gate.identities.list_organizations(ada.id)
    check([(c.id, c.role) for c in claims.data] == [(first.id, "admin")], f"list_organizations: {claims}")
    check(orgs.members.remove(first.id, ada.id) is None, "remove member")
    check(orgs.roles.delete(first.id, admin.id) is None, "delete role once free")
    orgs.members.add(first.id, identity_id=ada.id, role_id=viewer.id)
    check(orgs.delete(second.id) is None, "delete org")
    api_error(lambda: orgs.get(second.id), 404, "not_found", "get deleted org")
    return first


def check_sessions_and_signed_tokens(gate, key, ada, org):
    print("gate: sessions, session check, MFA, signed tokens via whoami")
    created = control("POST", "/_emulator/sessions", {"identity_id": ada.id}, key=key)
    token = created["session_token"]
    other = control("POST", "/_emulator/sessions", {"identity_id": ada.id}, key=key)
    sessions = gate.sessions.list(ada.id)
    check({s.id for s in sessions} == {created["session_id"], other["session_id"]}, "sessions list")
    check(all(s.active and s.authenticator_assurance_level == "aal1" for s in sessions),
          "sessions active, aal1")
    check(sessions[0].identity and sessions[0].identity["id"] == ada.id, "session identity")
    status = gate.sessions.check(token)
    check(status.active and status.aal == "aal1" and status.mfa_satisfied and not status.mfa_required,
          f"session check: {status}")
    check(status.identity_id == ada.id and [o.id for o in status.orgs] == [org.id],
          "session check: identity and orgs")

    signed = gate.tokens.create_signed(token)
    header, claims, signature = jwt_parts(signed.token)
    tenant = gate.tokens.create(subject=ada.id).tenant_id
    check(header == {"alg": "ES256", "kid": header.get("kid"), "typ": "JWT"} and header.get("kid"),
          f"signed token header: {header}")
    check(len(signature) == 64, "signature is raw r||s")
    check(claims["iss"] == f"{BASE_URL}/auth/{tenant}", f"iss: {claims['iss']}")
    check(claims["sub"] == ada.id and claims["sid"] == created["session_id"], "sub and sid")
    check(claims["exp"] - claims["iat"] == 900 and claims["role"] == "authenticated", "exp, role")
    check([o["id"] for o in claims["orgs"]] == [org.id] and claims["orgs_truncated"] is False, "orgs")
    check(signed.session.id == created["session_id"], "signed token session")
    status_code, headers, jwks = get_json(f"/auth/{tenant}/.well-known/jwks.json")
    check(status_code == 200 and "max-age=300" in (headers.get("Cache-Control") or ""), "jwks cache")
    check([k["kid"] for k in jwks["keys"]] == [header["kid"]], "jwks publishes the kid")
    check(all(k["kty"] == "EC" and k["crv"] == "P-256" for k in jwks["keys"]), "jwks key type")
    rotated = control("POST", "/_emulator/signing-keys/rotate", key=key)
    new_header, _, _ = jwt_parts(gate.tokens.create_signed(token).token)
    check(new_header["kid"] == rotated["kid"] != header["kid"], "rotation: new kid")

    gate.settings.update_security(passwordless_enabled=False, mfa_enabled=True)
    error = api_error(lambda: gate.sessions.check(token), 403, "mfa_required", "MFA owed")
    check(error is not None and error.details.get("required_aal") == "aal2", "required_aal detail")
    strong = control("POST", "/_emulator/sessions", {"identity_id": ada.id, "aal": "aal2"}, key=key)
    check(gate.sessions.check(strong["session_token"]).aal == "aal2", "aal2 session passes")
    gate.settings.update_security(passwordless_enabled=False, mfa_enabled=False)

    check(gate.sessions.revoke(created["session_id"]) is None, "revoke one")
    check(gate.sessions.revoke(created["session_id"]) is None, "revoke again")
    api_error(lambda: gate.sessions.check(token), 401, "unauthorized", "revoked session check")
    api_error(lambda: gate.tokens.create_signed(token), 401, "unauthorized", "whoami after revoke")
    api_error(lambda: gate.sessions.revoke("nope"), 404, "not_found", "revoke unknown session")
    check(gate.sessions.revoke_all(ada.id) is None, "revoke all")
    check(gate.sessions.revoke_all(ada.id) is None, "revoke all again")
    check(gate.sessions.list(ada.id) == [], "no sessions left")
    api_error(lambda: gate.sessions.revoke_all("nobody"), 403, "forbidden", "revoke all of nobody")


def run(key):
    gate = Verne(api_key=key, base_url=BASE_URL).gate
    ada = check_identity_extras(gate)
    bob = gate.identities.create(traits={"email": "bob.access@example.com"})
    org = check_organizations(gate, ada, bob)
    check_sessions_and_signed_tokens(gate, key, ada, org)


async def run_async(key):
    print("gate (async): organizations, sessions, signed token")
    gate = AsyncVerne(api_key=key, base_url=BASE_URL).gate
    lin = await gate.identities.create(traits={"email": "lin.async@example.com"})
    org = await gate.organizations.create(name="Async Org")
    role = await gate.organizations.roles.create(org.id, name="member", permissions=["a:b"])
    await gate.organizations.members.add(org.id, identity_id=lin.id, role_id=role.id)
    check(await gate.organizations.can(org.id, lin.id, "a:b"), "async can")
    check((await gate.identities.list_organizations(lin.id)).data[0].id == org.id,
          "async list_organizations")
    token = control("POST", "/_emulator/sessions", {"identity_id": lin.id}, key=key)["session_token"]
    check((await gate.sessions.check(token)).identity_id == lin.id, "async session check")
    signed = await gate.tokens.create_signed(token)
    check(jwt_parts(signed.token)[1]["sub"] == lin.id, "async create_signed")
    await gate.sessions.revoke_all(lin.id)
    await async_api_error(gate.sessions.check(token), 401, "unauthorized", "async revoked check")
    await async_api_error(gate.organizations.roles.delete(org.id, role.id), 409, "conflict",
                          "async held role delete")
