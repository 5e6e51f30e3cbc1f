import Foundation
import Testing

@testable import VerneCore

@Suite("Idempotency keys and secure random bytes")
struct IdempotencyKeyGeneratorTests {
    @Test("A default key is `verne-` and a lowercase version-4 UUID")
    func format() throws {
        for _ in 0..<200 {
            let key = IdempotencyKeyGenerator.random.next()

            #expect(key.hasPrefix("verne-"))
            let text = String(key.dropFirst("verne-".count))
            let uuid = try #require(UUID(uuidString: text), "\(key)")
            #expect(uuid.uuidString.lowercased() == text)
            #expect(uuid.uuid.6 >> 4 == 4)
            #expect(uuid.uuid.8 >> 6 == 0b10)
        }
    }

    @Test("Keys do not repeat, from one thread or many")
    func unique() async {
        let keys = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<8 {
                group.addTask { (0..<2_000).map { _ in IdempotencyKeyGenerator.random.next() } }
            }
            return await group.reduce(into: [String]()) { $0 += $1 }
        }

        #expect(keys.count == 16_000)
        #expect(Set(keys).count == keys.count)
    }

    @Test("Random bytes fill the whole buffer and differ between calls")
    func randomBytes() {
        var first = [UInt8](repeating: 0, count: 4_096)
        var second = [UInt8](repeating: 0, count: 4_096)

        first.withUnsafeMutableBytes { SecureRandom.fill($0) }
        second.withUnsafeMutableBytes { SecureRandom.fill($0) }

        #expect(first != second)
        // Each byte value turns up about 16 times in 4,096 random bytes; a buffer left
        // partly unfilled would be full of zeros.
        #expect(first.filter { $0 == 0 }.count < 64)
        #expect(Set(first).count > 200)
    }
}
