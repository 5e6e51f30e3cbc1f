import Foundation

/// `pair`: two `send` clients in one process, measured in alternating slices.
///
/// On a shared two-core machine the speed of a client moves by tens of per cent within
/// seconds, so two clients measured in turn, each in its own process, are compared under
/// different conditions. Here both clients are made, warmed up and kept open side by side
/// (each with its own session and connections), and the measured time is cut into slices
/// of `--slice` seconds that go to one client and then the other, in the order A B B A,
/// repeated, until each client has had `--seconds`. Only one client makes calls at a
/// time, so the process's CPU time in a slice is that client's; what moves the machine
/// during the run falls on both alike.
///
/// `--client` and `--other` name the two clients as `send` does; `--other-url` points the
/// second at another emulator (the delayed one against the plain one, for example). Prints
/// one JSON line: `{"first": REPORT, "second": REPORT}`, each report as ``RunReport``
/// writes it, with `connections` counted during that client's warm-up and slices.
enum PairedBenchmark {
    static func run(_ arguments: [String]) throws {
        let options = BenchOptions(arguments)
        let url = try options.url()
        let otherURL = try options.text("--other-url").map { _ in try options.url("--other-url") }
        let concurrency = try options.integer("--concurrency", default: 1)
        let warmUp = try options.seconds("--warm-up", default: 0.5)
        let seconds = try options.seconds("--seconds", default: 2)
        let slice = try options.seconds("--slice", default: 0.5)
        guard slice > 0, seconds >= slice else {
            throw BenchmarkError("--slice must be above 0 and at most --seconds")
        }

        let clients = [
            try Measured(
                SendWorkload(client: try options.required("--client"), url: url, options: options)
            ),
            try Measured(
                SendWorkload(
                    client: try options.required("--other"), url: otherURL ?? url,
                    options: options)),
        ]
        for client in clients {
            try client.add(warmUpOf: warmUp, concurrency: concurrency)
        }

        let rounds = max(1, Int((seconds / slice).rounded()))
        for round in 0..<rounds {
            let order = round % 2 == 0 ? clients : clients.reversed()
            for client in order {
                try client.add(sliceOf: slice, concurrency: concurrency)
            }
        }

        let reports = zip(["first", "second"], clients).map { name, client in
            "\"\(name)\": " + client.report.json
        }
        print("{" + reports.joined(separator: ", ") + "}")
    }

    /// One client and what its slices have added up to.
    private final class Measured {
        let workload: SendWorkload
        private var result = LoadResult(latencies: [], elapsed: 0, cpu: 0)
        private var connections = 0

        init(_ workload: SendWorkload) { self.workload = workload }

        /// Makes calls for `seconds` without recording them, counting the connections.
        func add(warmUpOf seconds: Double, concurrency: Int) throws {
            let before = ProcessStats.connectionsOpened() ?? 0
            _ = try workload.measure(concurrency: concurrency, warmUp: 0, seconds: seconds)
            connections += (ProcessStats.connectionsOpened() ?? 0) - before
        }

        /// Measures one slice and adds it to the client's totals.
        func add(sliceOf seconds: Double, concurrency: Int) throws {
            let before = ProcessStats.connectionsOpened() ?? 0
            let slice = try workload.measure(
                concurrency: concurrency, warmUp: 0, seconds: seconds)
            connections += (ProcessStats.connectionsOpened() ?? 0) - before

            result.latencies += slice.latencies
            result.elapsed += slice.elapsed
            result.cpu += slice.cpu
        }

        var report: RunReport {
            RunReport(
                label: workload.client, result: result,
                connections: ProcessStats.connectionsOpened() == nil ? nil : connections)
        }
    }
}
