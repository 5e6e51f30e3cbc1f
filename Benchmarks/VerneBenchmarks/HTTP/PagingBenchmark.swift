import Foundation
import Verne

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `page`: auto-paging through every stored message, 100 a page.
///
/// `--client sdk` iterates ``AsyncRelay``'s `messages.all()` item by item (the SDK holds
/// one page at a time); `--client floor` fetches the same pages with ``BareClient`` and
/// decodes them into plain structs with `JSONDecoder`. `--expect N` is the number of items
/// the tenant (chosen by `--key`) holds; a run that sees another number fails. The
/// latency columns are per page (the `next()` that fetched it, decoding included), and
/// the peak resident set tells whether memory grows with the number of items.
enum PagingBenchmark {
    static let pageSize = 100

    static func run(_ arguments: [String]) throws {
        let options = BenchOptions(arguments)
        let url = try options.url()
        let expected = try options.integer("--expect", default: 0)
        let client = try options.required("--client")

        let outcome: (result: LoadResult, items: Int)
        switch client {
        case "sdk":
            let relay = AsyncRelay(
                apiKey: options.key,
                configuration: try VerneConfiguration.baseURL(url.absoluteString))
            outcome = try AsyncBridge.wait { try await sdkPages(relay) }
        case "floor":
            let floor = BareClient(request: URLRequest(url: url), pool: 1)
            outcome = try AsyncBridge.wait {
                try await floorPages(floor, url: url, key: options.key)
            }
        default:
            throw BenchmarkError("--client must be sdk or floor")
        }

        guard outcome.items == expected else {
            throw BenchmarkError("paging saw \(outcome.items) items, expected \(expected)")
        }
        RunReport(
            label: options.text("--label") ?? "page-\(client)", result: outcome.result,
            extra: [
                ("items", Double(outcome.items)),
                ("items_per_second", Double(outcome.items) / max(outcome.result.elapsed, 1e-9)),
            ]
        ).print()
    }

    private static func sdkPages(_ relay: AsyncRelay) async throws -> (LoadResult, Int) {
        var latencies: [UInt64] = []
        var items = 0
        let cpuStart = ProcessStats.cpuSeconds()
        let start = LoadRunner.now()

        var iterator = relay.messages.all(pageSize: pageSize).makeAsyncIterator()
        while true {
            let fetches = items % pageSize == 0
            let before = LoadRunner.now()
            guard let message = try await iterator.next() else { break }
            if fetches { latencies.append(LoadRunner.now() - before) }
            guard !message.id.isEmpty else { throw BenchmarkError("a message without an ID") }
            items += 1
        }

        let elapsed = Double(LoadRunner.now() - start) / 1e9
        let result = LoadResult(
            latencies: latencies, elapsed: elapsed, cpu: ProcessStats.cpuSeconds() - cpuStart)
        return (result, items)
    }

    /// A page as the floor reads it: the wire fields, times left as text.
    private struct FloorPage: Decodable {
        struct Item: Decodable {
            var id: String
            var event_type: String
            var status: String
            var timestamp: String
        }

        var data: [Item]
        var has_more: Bool
        var next_cursor: String?
    }

    private static func floorPages(
        _ floor: BareClient, url: URL, key: String
    ) async throws -> (LoadResult, Int) {
        var latencies: [UInt64] = []
        var items = 0
        var cursor: String?
        let decoder = JSONDecoder()
        let cpuStart = ProcessStats.cpuSeconds()
        let start = LoadRunner.now()

        repeat {
            var components = URLComponents(
                url: url.appendingPathComponent("v1/relay/messages"),
                resolvingAgainstBaseURL: false)!
            components.queryItems = [URLQueryItem(name: "limit", value: String(pageSize))]
            if let cursor {
                components.queryItems!.append(URLQueryItem(name: "cursor", value: cursor))
            }
            var request = URLRequest(url: components.url!)
            request.setValue("application/json", forHTTPHeaderField: "Accept")
            request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")

            let before = LoadRunner.now()
            let (status, body) = await floor.fetch(request)
            guard status == 200 else { throw BenchmarkError("a page answered \(status)") }
            let page = try decoder.decode(FloorPage.self, from: body)
            latencies.append(LoadRunner.now() - before)

            items += page.data.count
            cursor = page.has_more ? page.next_cursor : nil
        } while cursor != nil

        let elapsed = Double(LoadRunner.now() - start) / 1e9
        let result = LoadResult(
            latencies: latencies, elapsed: elapsed, cpu: ProcessStats.cpuSeconds() - cpuStart)
        return (result, items)
    }
}
