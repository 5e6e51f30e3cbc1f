import Foundation
import Testing
import VerneCore
import VerneTesting

@Suite("EmulatorServer over loopback")
struct EmulatorServerTests {
    private func started(_ configuration: EmulatorServer.Configuration = .init()) throws -> EmulatorServer {
        let server = EmulatorServer(configuration: configuration)
        try server.start(port: 0)
        return server
    }

    private func request(
        _ server: EmulatorServer, _ method: HTTPMethod, _ path: String, json: JSONValue? = nil,
        key: String? = "vrn_test"
    ) -> HTTPRequest {
        var headers: HTTPHeaders = ["Content-Type": "application/json", "Accept": "application/json"]
        if let key { headers["Authorization"] = "Bearer \(key)" }
        return HTTPRequest(
            method: method, url: server.baseURL!.appendingPathComponent(path), headers: headers,
            body: json.map { try! JSONCoding.encoder.encode($0) }, timeout: .seconds(10))
    }

    private func json(_ response: HTTPResponse) -> JSONValue? {
        try? JSONCoding.decoder.decode(JSONValue.self, from: response.body)
    }

    @Test("serves the emulator to URLSession on a free port, blocking and async")
    func servesURLSession() async throws {
        let server = try started()
        defer { server.stop() }
        let transport = URLSessionTransport()
        let port = try #require(server.port)
        #expect(port > 0)
        #expect(server.baseURL?.absoluteString == "http://127.0.0.1:\(port)")

        let sent = try transport.sendBlocking(
            request(server, .post, "v1/relay/messages", json: ["event_type": "x", "payload": ["a": 1]]))
        let listed = try await transport.send(request(server, .get, "v1/relay/messages"))

        #expect(sent.status == 202)
        #expect(sent.headers["X-Request-ID"]?.hasPrefix("req_") == true)
        #expect(json(listed)?["data"]?[0]?["id"] == json(sent)?["id"])
    }

    @Test("keeps a connection alive across requests and honours Connection: close")
    func keepAlive() throws {
        let server = try started()
        defer { server.stop() }
        let client = try #require(RawHTTPClient(port: server.port!))
        let get = "GET /v1/relay/messages HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer vrn_test\r\n"

        client.write(get + "\r\n")
        let first = try #require(client.readResponse())
        client.write(get + "\r\n")
        let second = try #require(client.readResponse())
        client.write(get + "Connection: close\r\n\r\n")
        let last = try #require(client.readResponse())

        #expect([first.status, second.status, last.status] == [Int](repeating: 200, count: 3))
        #expect(first.headers["connection"] == "keep-alive")
        #expect(last.headers["connection"] == "close")
        #expect(client.isClosedByPeer())
    }

    @Test(
        "malformed HTTP is a clean 400 envelope",
        arguments: [
            "GARBAGE\r\n\r\n", "GET /x HTTP/9.9\r\nHost: x\r\n\r\n", "GET x HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET / HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n",
            "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
            "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
        ])
    func malformed(text: String) throws {
        let server = try started()
        defer { server.stop() }
        let client = try #require(RawHTTPClient(port: server.port!))

        client.write(text)
        let response = try #require(client.readResponse())

        #expect(response.status == 400)
        let body = try JSONCoding.decoder.decode(JSONValue.self, from: response.body)
        #expect(body["error"]?["code"] == "invalid_payload")
        #expect(body["error"]?["request_id"]?.stringValue == response.headers["x-request-id"])
        #expect(client.isClosedByPeer())
    }

    @Test("an oversized head is 431, an oversized body 413, a chunked body 411")
    func limits() throws {
        let server = try started(.init(maximumBodyBytes: 1024))
        defer { server.stop() }
        let cases = [
            ("GET / HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "a", count: 70_000))\r\n\r\n", 431),
            ("POST /v1/relay/messages HTTP/1.1\r\nHost: x\r\nContent-Length: 2048\r\n\r\n", 413),
            ("POST /v1/relay/messages HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 411),
        ]

        for (text, status) in cases {
            let client = try #require(RawHTTPClient(port: server.port!))
            client.write(text)
            #expect(client.readResponse()?.status == status)
        }
    }

    @Test("a drop after processing really closes the socket, and the send was stored")
    func dropAfterProcessing() throws {
        let server = try started()
        defer { server.stop() }
        server.emulator.inject(EmulatorFault(.dropAfterProcessing, path: "/v1/relay/messages"))

        let error = try #require(throws: VerneConnectionError.self) {
            try URLSessionTransport().sendBlocking(
                request(server, .post, "v1/relay/messages", json: ["event_type": "x", "payload": [:]]))
        }
        #expect(error.mayHaveReachedServer)
        #expect(server.emulator.snapshot()["tenants"]?[0]?["messages"]?.arrayValue?.count == 1)
    }

    @Test("a drop before processing closes the socket without an answer or a change")
    func dropBeforeProcessing() throws {
        let server = try started()
        defer { server.stop() }
        server.emulator.inject(EmulatorFault(.dropBeforeProcessing, path: "/v1/relay/messages"))
        let client = try #require(RawHTTPClient(port: server.port!))
        let body = #"{"event_type":"x","payload":{}}"#

        client.write(
            "POST /v1/relay/messages HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer vrn_test\r\n"
                + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)")

        #expect(client.readResponse() == nil)
        #expect(server.emulator.snapshot()["tenants"] == [])
    }

    @Test("the control API resets, moves the clock, adds and clears faults, shares tenants, shows state")
    func controlAPI() throws {
        let server = try started()
        defer { server.stop() }
        let transport = URLSessionTransport()
        func control(_ method: HTTPMethod, _ path: String, _ body: JSONValue? = nil) throws -> HTTPResponse {
            try transport.sendBlocking(request(server, method, path, json: body, key: nil))
        }

        #expect(try control(.get, "_emulator/health").status == 200)
        let token = try transport.sendBlocking(
            request(server, .post, "v1/gate/tokens", json: ["subject": "s", "ttl_seconds": 60]))
        let clock = try control(.post, "_emulator/clock", ["advance_seconds": 61])
        let introspected = try transport.sendBlocking(
            request(
                server, .post, "v1/gate/tokens/introspect", json: ["access_token": json(token)?["access_token"] ?? nil])
        )
        #expect(clock.status == 200)
        #expect(json(introspected) == ["active": false])

        let fault = try control(
            .post, "_emulator/faults",
            ["action": "status", "status": 503, "retry_after": "1", "path": "/v1/relay/messages", "count": 2])
        #expect(fault.status == 201)
        #expect(json(try control(.get, "_emulator/faults"))?["faults"]?.arrayValue?.count == 1)
        let faulted = try transport.sendBlocking(request(server, .get, "v1/relay/messages"))
        #expect(faulted.status == 503)
        #expect(faulted.headers["Retry-After"] == "1")
        #expect(try control(.delete, "_emulator/faults").status == 204)
        #expect(try control(.post, "_emulator/faults", ["action": "explode", "path": "/"]).status == 400)

        let shared = try control(.post, "_emulator/tenants/share", ["keys": ["vrn_a", "vrn_b"]])
        #expect(json(shared)?["tenant_id"]?.stringValue == server.emulator.tenantID(forKey: "vrn_b"))

        let state = try #require(json(try control(.get, "_emulator/state")))
        #expect(state["requests"]?["POST /v1/gate/tokens"] == 1)
        #expect(try control(.post, "_emulator/reset").status == 204)
        #expect(json(try control(.get, "_emulator/state"))?["tenants"] == [])
        #expect(try control(.post, "_emulator/clock", ["now": "2030-01-01T00:00:00Z"]).status == 200)
        #expect(server.emulator.clock.now.timeIntervalSince1970 >= 1_893_456_000)
    }

    @Test("fixed-answer mode answers a canned 202 Message and keeps nothing")
    func fixedAnswer() throws {
        let server = try started(.init(fixedAnswer: true))
        defer { server.stop() }

        let response = try URLSessionTransport().sendBlocking(
            request(server, .post, "v1/relay/messages", json: ["event_type": "x", "payload": [:]]))

        #expect(response.status == 202)
        #expect(json(response)?["status"] == "accepted")
        #expect(server.emulator.requestCounts.isEmpty)
    }

    @Test("256 keep-alive connections are served at once")
    func manyConnections() throws {
        let server = try started()
        defer { server.stop() }
        let clients = try (0..<256).map { _ in try #require(RawHTTPClient(port: server.port!)) }
        let get = "GET /v1/relay/messages?limit=1 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer vrn_test\r\n\r\n"

        for round in 0..<2 {
            for client in clients { client.write(get) }
            let statuses = clients.map { $0.readResponse()?.status }
            #expect(statuses.allSatisfy { $0 == 200 }, "round \(round)")
        }
        #expect(server.openConnections == 256)
    }

    @Test("stop closes open connections and the port")
    func stop() throws {
        let server = try started()
        let port = try #require(server.port)
        let client = try #require(RawHTTPClient(port: port))
        client.write("GET /_emulator/health HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(client.readResponse()?.status == 200)

        server.stop()

        #expect(client.isClosedByPeer())
        #expect(server.port == nil)
        #expect(RawHTTPClient(port: port) == nil)
    }
}
