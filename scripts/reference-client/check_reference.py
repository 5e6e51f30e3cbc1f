"""Drives verne-emulator with the reference Python client, vernesoft 1.4.1.

Usage: check_reference.py BASE_URL

Every check that fails is printed; the exit status is the number of failures (capped).
"""

import asyncio
import json
import sys
import urllib.error
import urllib.request

from vernesoft import AsyncVerne, Verne

import gate_access_checks
import gate_platform_checks
from support import BASE_URL, api_error, check, control, counts, failures, is_time

def check_relay(verne):
    print("relay: send, idempotency, list, paging, errors")
    relay = verne.relay

    plain = relay.messages.send(event_type="user.created", payload={"id": "usr_1"})
    check(plain.id.startswith("msg_"), f"send: id {plain.id!r}")
    check(plain.status == "accepted", f"send: status {plain.status!r}")
    check(plain.event_type == "user.created", "send: event_type echoed")
    check(is_time(plain.timestamp), f"send: timestamp {plain.timestamp!r}")

    first = relay.messages.send(event_type="order.paid", payload={"order": 7},
                                idempotency_key="order-7-paid", channels=["billing"])
    again = relay.messages.send(event_type="order.paid", payload={"order": 7},
                                idempotency_key="order-7-paid", channels=["billing"])
    check(first.id == again.id, "idempotent resend: same id")
    check(first.timestamp == again.timestamp, "idempotent resend: same timestamp")
    other = relay.messages.send(event_type="order.paid", payload={"order": 8},
                                idempotency_key="order-8-paid")
    check(other.id != first.id, "another idempotency key: another message")

    newest = relay.messages.list()
    check(len(newest.data) == 3, f"list: {len(newest.data)} messages, expected 3")
    check([m.id for m in newest.data] == [other.id, first.id, plain.id], "list: newest first")
    check(newest.has_more is False and newest.next_cursor is None, "list: last page")

    sent = [relay.messages.send(event_type="page.test", payload={"n": n}).id for n in range(25)]
    seen, cursor, pages = [], None, []
    while True:
        page = relay.messages.list(limit=10, cursor=cursor, event_type="page.test")
        pages.append((len(page.data), page.has_more, page.next_cursor is None))
        seen += [m.id for m in page.data]
        check(all(m.event_type == "page.test" for m in page.data), "paging: filter by event_type")
        if not page.has_more:
            break
        cursor = page.next_cursor
        check(bool(cursor), "paging: next_cursor while has_more")
    check(pages == [(10, True, False), (10, True, False), (5, False, True)], f"paging: pages {pages}")
    check(seen == list(reversed(sent)), "paging: every message once, newest first")

    for n in range(80):
        relay.messages.send(event_type="bulk", payload={"n": n})
    clamped = relay.messages.list(limit=500)
    check(len(clamped.data) == 100, f"limit 500 clamped to 100: got {len(clamped.data)}")
    check(clamped.has_more is True and clamped.next_cursor, "clamped page has more")

    api_error(lambda: relay.messages.send(event_type="", payload={}), 400, "invalid_payload",
              "send with empty event_type")
    api_error(lambda: relay.messages.send(event_type="x", payload=[1]), 400, "invalid_payload",
              "send with a non-object payload")
    api_error(lambda: Verne(api_key="sk_wrong", base_url=BASE_URL).relay.messages.list(),
              401, "unauthorized", "key without vrn_")
    api_error(lambda: Verne(api_key="vrn_gate_legacy", base_url=BASE_URL).relay.messages.list(),
              403, "forbidden", "legacy gate key on relay")


def check_gate(verne, key):
    print("gate: identities, tokens, introspection, authorize")
    gate = verne.gate

    ada = gate.identities.create(
        traits={"email": "ada@example.com"},
        credentials={"password": {"config": {"password": "StrongPassword123!"}}})
    check(ada.schema_id == "user" and ada.state == "active", "create: defaults")
    check(ada.traits == {"email": "ada@example.com"}, f"create: traits {ada.traits}")
    check(all(is_time(t) for t in (ada.created_at, ada.updated_at, ada.state_changed_at)),
          "create: times")
    check("credentials" not in ada.raw and "StrongPassword123!" not in json.dumps(ada.raw),
          "create: password never echoed")
    check(ada.verifiable_addresses and ada.verifiable_addresses[0]["value"] == "ada@example.com",
          "create: verifiable address")

    api_error(lambda: gate.identities.create(traits={"email": "ada@example.com"}), 409,
              "conflict", "second identity with the same email")
    api_error(lambda: gate.identities.create(traits={"email": "b@example.com", "nick": "b"}),
              400, "invalid_payload", "unknown trait")
    api_error(lambda: gate.identities.create(traits={"locale": "fr"}), 400, "invalid_payload",
              "missing email")

    fetched = gate.identities.get(ada.id)
    check(fetched.id == ada.id and fetched.traits == ada.traits, "get: same identity")

    patched = gate.identities.patch(ada.id, [
        {"op": "replace", "path": "/traits/email", "value": "ada@lovelace.example"},
        {"op": "add", "path": "/traits/locale", "value": "en-GB"},
    ])
    check(patched.traits == {"email": "ada@lovelace.example", "locale": "en-GB"},
          f"patch: traits {patched.traits}")
    api_error(lambda: gate.identities.patch(ada.id, [
        {"op": "remove", "path": "/traits/locale"},
        {"op": "test", "path": "/traits/email", "value": "someone@else.example"},
    ]), 400, "invalid_payload", "patch with a failing test")
    check(gate.identities.get(ada.id).traits.get("locale") == "en-GB", "failed patch changed nothing")

    token = gate.tokens.create(subject=ada.id, scopes=["invoices:read"], ttl_seconds=600)
    check(token.access_token.startswith("gat_"), "token: gat_ prefix")
    check(token.subject == ada.id and token.tenant_id.startswith("ten_"), "token: subject, tenant")
    check(is_time(token.expires_at), "token: expires_at")
    info = gate.tokens.introspect(token.access_token)
    check(info.active and info.subject == ada.id and info.scopes == ["invoices:read"],
          f"introspect: {info}")
    check(info.tenant_id == token.tenant_id and info.orgs == [] and not info.orgs_truncated,
          "introspect: tenant and orgs")
    service = gate.tokens.create(subject="svc:billing")
    check(gate.tokens.introspect(service.access_token).orgs is None,
          "introspect: no orgs for a subject that is not an end user")
    api_error(lambda: gate.tokens.create(subject=ada.id, ttl_seconds=86401), 400,
              "invalid_payload", "ttl over 86400")
    check(not gate.tokens.introspect("gat_unknown").active, "introspect: unknown token")

    decision = gate.authorize(subject=ada.id, action="read", resource="tenant:any")
    check(decision.allowed and decision.reason == "owned_by_tenant", f"authorize: {decision}")
    check(bool(decision.decision_id) and bool(decision.message), "authorize: decision_id, message")
    unknown = gate.authorize(subject="nobody", action="read", resource="tenant:any")
    check(not unknown.allowed and unknown.reason == "not_a_known_identity", f"authorize: {unknown}")

    stranger = Verne(api_key=key + "_other", base_url=BASE_URL).gate
    check(not stranger.tokens.introspect(token.access_token).active,
          "introspect: another tenant's token")
    foreign = stranger.authorize(subject=ada.id, action="read", resource="tenant:any")
    check(foreign.reason == "not_owned_by_tenant", f"authorize from another tenant: {foreign}")

    gate.identities.deactivate(ada.id)
    check(not gate.tokens.introspect(token.access_token).active, "introspect: inactive user")
    inactive = gate.authorize(subject=ada.id, action="read", resource="tenant:any")
    check(inactive.reason == "subject_inactive" and not inactive.allowed, f"authorize: {inactive}")
    check(gate.identities.activate(ada.id).state == "active", "activate")
    check(gate.tokens.introspect(token.access_token).active, "introspect: active again")

    control("POST", "/_emulator/clock", {"advance_seconds": 601})
    check(not gate.tokens.introspect(token.access_token).active, "introspect: expired by the clock")

    lin = gate.identities.create(traits={"email": "lin@example.com"})
    lin_token = gate.tokens.create(subject=lin.id)
    check(gate.identities.delete(lin.id) is None, "delete: no value")
    api_error(lambda: gate.identities.get(lin.id), 404, "not_found", "get after delete")
    check(not gate.tokens.introspect(lin_token.access_token).active, "introspect: deleted user")
    api_error(lambda: Verne(api_key="vrn_relay_legacy", base_url=BASE_URL).gate.identities.get(ada.id),
              403, "forbidden", "legacy relay key on gate")


async def check_async(key):
    print("async clients")
    client = AsyncVerne(api_key=key, base_url=BASE_URL)
    sent = await client.relay.messages.send(event_type="async.event", payload={"ok": True},
                                            idempotency_key="async-1")
    again = await client.relay.messages.send(event_type="async.event", payload={"ok": True},
                                             idempotency_key="async-1")
    check(sent.id == again.id, "async: idempotent resend")
    page = await client.relay.messages.list(limit=1, event_type="async.event")
    check([m.id for m in page.data] == [sent.id] and not page.has_more, "async: list")
    grace = await client.gate.identities.create(traits={"email": "grace@example.com"})
    check((await client.gate.identities.get(grace.id)).id == grace.id, "async: get identity")
    token = await client.gate.tokens.create(subject=grace.id)
    check((await client.gate.tokens.introspect(token.access_token)).active, "async: introspect")


def check_wire():
    print("wire: X-Request-ID matches the envelope")
    request = urllib.request.Request(BASE_URL + "/v1/relay/messages",
                                     headers={"Authorization": "Bearer not-a-key"})
    try:
        urllib.request.urlopen(request, timeout=10)
        check(False, "401 expected")
    except urllib.error.HTTPError as error:
        body = json.loads(error.read())
        check(error.code == 401, "401 for a key without vrn_")
        check(body["error"]["request_id"] == error.headers.get("X-Request-ID"),
              "X-Request-ID equals error.request_id")


def main():
    control("POST", "/_emulator/reset")
    key = "vrn_reference_check"
    verne = Verne(api_key=key, base_url=BASE_URL)
    check_relay(verne)
    check_gate(verne, key)
    asyncio.run(check_async(key))
    check_wire()
    gate_access_checks.run(key + "_access")
    gate_platform_checks.run(key + "_platform")
    asyncio.run(gate_access_checks.run_async(key + "_async_access"))
    state = control("GET", "/_emulator/state")
    check(len(state["tenants"]) >= 2, "state: tenants listed")

    if failures:
        print(f"FAIL reference-client: {len(failures)} mismatches, {counts['passed']} checks passed")
        sys.exit(min(len(failures), 100))
    print(f"PASS reference-client: {counts['passed']} checks against {BASE_URL}")


if __name__ == "__main__":
    main()
