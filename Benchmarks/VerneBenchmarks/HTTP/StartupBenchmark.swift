import Foundation
import Verne

/// `startup`: the first call of a fresh process.
///
/// Times, from the start of the command to the first answer, making the client (or, for
/// `--client floor`, the bare `URLSession`) and sending one message. The CPU time is the
/// whole process's, loading included; `scripts/bench/run.py` adds the wall time from
/// launching the process to its exit.
enum StartupBenchmark {
    static func run(_ arguments: [String]) throws {
        let start = LoadRunner.now()
        let options = BenchOptions(arguments)
        let url = try options.url()
        let client = try options.required("--client")

        switch client {
        case "sdk-blocking":
            let relay = Relay(
                apiKey: options.key,
                configuration: try VerneConfiguration.baseURL(url.absoluteString))
            try SendBenchmark.check(
                relay.messages.send(
                    eventType: SendBenchmark.eventType, payload: SendBenchmark.payload))
        case "sdk-async":
            let relay = AsyncRelay(
                apiKey: options.key,
                configuration: try VerneConfiguration.baseURL(url.absoluteString))
            try AsyncBridge.wait {
                try SendBenchmark.check(
                    await relay.messages.send(
                        eventType: SendBenchmark.eventType, payload: SendBenchmark.payload))
            }
        case "floor":
            let floor = BareClient(
                request: try SendBenchmark.floorRequest(url: url, key: options.key), pool: 1)
            try floor.sendBlocking()
        default:
            throw BenchmarkError("--client must be sdk-blocking, sdk-async or floor")
        }

        let end = LoadRunner.now()
        let result = LoadResult(
            latencies: [end - start], elapsed: Double(end - start) / 1e9,
            cpu: ProcessStats.cpuSeconds())
        RunReport(label: options.text("--label") ?? "startup-\(client)", result: result).print()
    }
}
