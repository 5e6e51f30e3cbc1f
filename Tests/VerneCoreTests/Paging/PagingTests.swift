import Foundation
import Testing

@testable import VerneCore

@Suite("Auto-paging")
struct PagingTests {
    /// Three pages of numbers, cursors "c1" and "c2", recording the cursors asked for.
    private func pages(_ asked: RequestLog) -> @Sendable (String?) throws -> Page<Int> {
        { cursor in
            asked.append(HTTPRequest(method: .get, url: URL(string: "https://x/\(cursor ?? "first")")!))
            switch cursor {
            case nil: return Page(items: [1, 2], hasMore: true, nextCursor: "c1")
            case "c1": return Page(items: [], hasMore: true, nextCursor: "c2")
            default: return Page(items: [3], hasMore: false, nextCursor: nil)
            }
        }
    }

    @Test("The async sequence follows next_cursor while has_more, across empty pages")
    func asyncItems() async throws {
        let asked = RequestLog()
        let fetch = pages(asked)
        let sequence = PageSequence<Int> { try fetch($0) }

        var items: [Int] = []
        for try await item in sequence { items.append(item) }

        #expect(items == [1, 2, 3])
        #expect(asked.all.map(\.url.lastPathComponent) == ["first", "c1", "c2"])
    }

    @Test("The blocking form gives the same items and can stop early")
    func blockingItems() throws {
        let asked = RequestLog()
        let list = BlockingPages<Int>(fetch: pages(asked))

        #expect(try list.collect() == [1, 2, 3])
        #expect(try list.collect(limit: 2) == [1, 2])
    }

    @Test("A page that claims more but gives no cursor ends paging")
    func missingCursor() async throws {
        let sequence = PageSequence<Int> { _ in Page(items: [7], hasMore: true, nextCursor: nil) }

        var items: [Int] = []
        for try await item in sequence { items.append(item) }

        #expect(items == [7])
    }

    @Test("Pages decode from the wire shape")
    func decode() throws {
        let data = Data(#"{"data": [1, 2], "has_more": true, "next_cursor": "abc"}"#.utf8)

        let page = try JSONCoding.decoder.decode(Page<Int>.self, from: data)

        #expect(page == Page(items: [1, 2], hasMore: true, nextCursor: "abc"))
        #expect(page.data == [1, 2])
    }
}

@Suite("Paging guards")
struct PagingGuardTests {
    @Test("A cursor handed back unchanged stops paging with an error instead of looping")
    func repeatedCursor() async {
        let sequence = PageSequence<Int> { _ in Page(items: [1], hasMore: true, nextCursor: "same") }

        var seen = 0
        await #expect(throws: VerneResponseError.self) {
            for try await _ in sequence { seen += 1 }
        }
        #expect(seen == 1)
    }
}
