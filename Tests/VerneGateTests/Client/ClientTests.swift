import Foundation
import Testing
import VerneCore
import VerneGate

@Suite("Gate clients")
struct ClientTests {
    @Test("withOptions adds headers to the calls of every sub-API and keeps the key")
    func withOptions() async throws {
        let recorder = WireRecorder(answer: .json(Fixture.organization))
        let options = RequestOptions(headers: ["X-Trace": "t1", "Authorization": "Bearer other"])

        _ = try await recorder.asyncGate().withOptions(options).organizations.get("org_1")
        try callBlocking(recorder.gate().withOptions(options))

        for request in recorder.requests {
            #expect(request.headers["X-Trace"] == "t1")
            #expect(request.headers["Authorization"] == "Bearer " + testKey)
        }
        #expect(recorder.requests.count == 2)
    }

    private func callBlocking(_ gate: Gate) throws {
        _ = try gate.organizations.get("org_1")
    }

    @Test("a client without a key refuses keyed calls but makes public ones")
    func missingKey() async throws {
        let recorder = WireRecorder(answer: .json(#"{"providers": ["google"]}"#))
        let gate = AsyncGate(
            apiKey: "", configuration: recorder.configuration, transport: recorder.transport)

        #expect(try await gate.enabledProviders(tenantID: "ten_001") == ["google"])
        let error = await #expect(throws: VerneConfigurationError.self) {
            try await gate.organizations.get("org_1")
        }
        #expect(error?.message.contains("Gate") == true)
        #expect(recorder.requests.count == 1)
    }

    @Test("an API error keeps its status, code and request ID through both clients")
    func apiError() async throws {
        let recorder = WireRecorder(
            answer: .json(
                #"{"error": {"code": "conflict", "message": "Role in use.", "request_id": "req_9"}}"#,
                status: 409))

        let blocking = #expect(throws: VerneAPIError.self) {
            try recorder.gate().organizations.roles(in: "org_1").delete("rol_1")
        }
        let async = await #expect(throws: VerneAPIError.self) {
            try await recorder.asyncGate().organizations.roles(in: "org_1").delete("rol_1")
        }
        for error in [blocking, async] {
            #expect(error?.status == 409)
            #expect(error?.code == .conflict)
            #expect(error?.requestID == "req_9")
        }
    }

    @Test("a success body that is not JSON is a response error, not a crash")
    func unreadableAnswer() async throws {
        let recorder = WireRecorder(answer: HTTPResponse(status: 200, body: Data("<html>".utf8)))
        await #expect(throws: VerneResponseError.self) {
            try await recorder.asyncGate().identities.get("idn_1")
        }
        #expect(throws: VerneResponseError.self) {
            try recorder.gate().tokens.introspect("gat_x")
        }
    }
}
