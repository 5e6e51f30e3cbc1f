"""Shared helpers of the reference-client checks: counting, expected errors, the control API."""

import base64
import json
import sys
import urllib.error
import urllib.request
from datetime import datetime

from vernesoft import VerneAPIError

BASE_URL = sys.argv[1].rstrip("/")
failures = []
counts = {"passed": 0}


def check(condition, what):
    """Counts a check; prints and records it when it fails."""
    if condition:
        counts["passed"] += 1
    else:
        failures.append(what)
        print(f"  MISMATCH: {what}")


def _record(error, status, code, what):
    check(error.status == status, f"{what}: status {error.status}, expected {status}")
    check(error.code == code, f"{what}: code {error.code!r}, expected {code!r}")
    check(bool(error.request_id) and error.request_id.startswith("req_"),
          f"{what}: request_id {error.request_id!r}")
    return error


def api_error(call, status, code, what):
    """Runs `call`, expecting a VerneAPIError with this status and code."""
    try:
        call()
    except VerneAPIError as error:
        return _record(error, status, code, what)
    check(False, f"{what}: no error raised")
    return None


async def async_api_error(awaitable, status, code, what):
    """Awaits `awaitable`, expecting a VerneAPIError with this status and code."""
    try:
        await awaitable
    except VerneAPIError as error:
        return _record(error, status, code, what)
    check(False, f"{what}: no error raised")
    return None


def control(method, path, body=None, key=None):
    """Calls the emulator's control API; `key` picks the tenant for Gate set-up routes."""
    data = None if body is None else json.dumps(body).encode()
    headers = {"Content-Type": "application/json"}
    if key:
        headers["Authorization"] = f"Bearer {key}"
    request = urllib.request.Request(BASE_URL + path, data=data, method=method, headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        raw = response.read()
        return json.loads(raw) if raw else None


def get_json(path):
    """A GET without any key; answers (status, headers, JSON)."""
    request = urllib.request.Request(BASE_URL + path)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, error.headers, json.loads(error.read() or b"null")


def is_time(text):
    """Whether `text` is an RFC 3339 time."""
    try:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
        return True
    except (TypeError, ValueError, AttributeError):
        return False


def jwt_parts(token):
    """The decoded header and payload of a compact JWS, and its raw signature."""
    def decode(segment):
        return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
    header, payload, signature = token.split(".")
    return json.loads(decode(header)), json.loads(decode(payload)), decode(signature)
