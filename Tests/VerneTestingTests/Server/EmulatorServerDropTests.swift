import Foundation
import Testing
import VerneCore
import VerneTesting

@Suite("EmulatorServer drops on a kept-alive connection")
struct EmulatorServerDropTests {
    @Test(
        "URLSession sees each drop at once on a reused connection, and only drop-after stores",
        arguments: [
            (EmulatorFault.Action.dropAfterProcessing, 2), (.dropBeforeProcessing, 1),
        ])
    func reusedConnection(action: EmulatorFault.Action, stored: Int) throws {
        let server = EmulatorServer()
        try server.start(port: 0)
        defer { server.stop() }
        let transport = URLSessionTransport()
        let request = HTTPRequest(
            method: .post, url: server.baseURL!.appendingPathComponent("v1/relay/messages"),
            headers: ["Authorization": "Bearer vrn_test", "Content-Type": "application/json"],
            body: Data(#"{"event_type":"x","payload":{}}"#.utf8), timeout: .seconds(20))
        _ = try transport.sendBlocking(request)
        server.emulator.inject(EmulatorFault(action, path: "/v1/relay/messages"))

        let started = ContinuousClock.now
        let error = try #require(throws: VerneConnectionError.self) { try transport.sendBlocking(request) }

        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(error.kind != .timedOut)
        #expect(server.emulator.snapshot()["tenants"]?[0]?["messages"]?.arrayValue?.count == stored)
        #expect(try transport.sendBlocking(request).status == 202)
    }
}
