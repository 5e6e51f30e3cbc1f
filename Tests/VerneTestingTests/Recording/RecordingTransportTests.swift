import Foundation
import Testing
import VerneCore
import VerneTesting

@Suite("RecordingTransport")
struct RecordingTransportTests {
    @Test("records requests, responses and errors in order, blocking and async")
    func records() async throws {
        let emulator = NautilusEmulator()
        emulator.inject(EmulatorFault(.dropBeforeProcessing, method: .get, path: "/v1/relay/messages"))
        let recorder = RecordingTransport(wrapping: emulator)
        let harness = EmulatorHarness(emulator)
        let send = harness.request(.post, "/v1/relay/messages", json: ["event_type": "x", "payload": [:]])
        let list = harness.request(.get, "/v1/relay/messages")

        _ = try recorder.sendBlocking(send)
        await #expect(throws: VerneConnectionError.self) { try await recorder.send(list) }
        _ = try await recorder.send(list)

        #expect(recorder.requests.map(\.method) == [.post, .get, .get])
        #expect(recorder.responses.map(\.status) == [202, 200])
        #expect(recorder.exchanges[1].error is VerneConnectionError)
        #expect(recorder.last?.response?.status == 200)
        recorder.removeAll()
        #expect(recorder.exchanges.isEmpty)
    }

    @Test("recording is safe from many threads at once")
    func concurrent() async throws {
        let recorder = RecordingTransport(wrapping: NautilusEmulator())
        let request = EmulatorHarness().request(.get, "/v1/relay/messages")

        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<200 { group.addTask { _ = try await recorder.send(request) } }
            try await group.waitForAll()
        }
        #expect(recorder.exchanges.count == 200)
    }
}
