import CSystem
import ChronicleHTTP
import ChronicleRouter
import Foundation
import HTTPTypes
import Testing

/// The response cache's capacity bounds real memory only if each entry is charged at least what it
/// holds: 20,000 answers shaped like the API's (a query target, a browser's Accept and
/// Accept-Encoding, a JSON body of 300–1,000 bytes, ETag, Cache-Control, two Vary fields) are
/// stored, and the heap's growth is compared with the cache's count. Measured in a process of its
/// own (an exit test), where no other test allocates meanwhile.
@Suite struct ResponseCacheCostTests {
    @Test func everyEntryIsChargedAtLeastWhatItHolds() async {
        await #expect(processExitsWith: .success) {
            var options = ResponseCache.Options()
            options.capacityBytes = 1 << 30
            let cache = ResponseCache(options: options, shards: 8, epoch: { 1 })
            let count = 20_000
            let before = Int(chronicle_heap_in_use())
            for index in 0..<count {
                let fields: HTTPFields = [.accept: "application/json, text/plain, */*", .acceptEncoding: "gzip, deflate, br"]
                let target = "/events?actor=actor-\(index)&limit=50&offset=\(index % 7)"
                guard let request = try? Request.make(.get, target, headerFields: fields) else { exit(2) }
                _ = cache.handle(request) { _ in
                    var response = Response(contentType: "application/json", body: [UInt8](repeating: 0x61, count: 300 + index % 700))
                    response.headerFields[.eTag] = "\"\(String(index, radix: 16))0123456789abcdef\""
                    response.headerFields[.cacheControl] = "public, max-age=60"
                    response.headerFields.append(HTTPField(name: .vary, value: "Accept"))
                    response.headerFields.append(HTTPField(name: .vary, value: "Accept-Encoding"))
                    response.route = "/events"
                    return response
                }
            }
            let held = Int(chronicle_heap_in_use()) - before
            // An allocator that does not report its heap (AddressSanitizer's) has nothing to compare.
            if held < count * 256 { exit(0) }
            // Charged at least what the heap holds for the entries, and not more than a third above it.
            exit(cache.bytes >= held && cache.bytes <= held * 4 / 3 ? 0 : 1)
        }
    }
}
