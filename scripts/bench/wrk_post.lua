-- wrk script for scripts/bench/run.py: the POST /v1/relay/messages every client sends.
wrk.method = "POST"
wrk.body = '{"event_type":"user.created","idempotency_key":"verne-6f1c2d3e-4b5a-4c7d-9e8f-0a1b2c3d4e5f",'
    .. '"payload":{"id":"usr_123","plan":"pro","seats":5,"trial":false}}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
wrk.headers["Authorization"] = "Bearer vrn_bench"
