@testable import ChronicleHTTP
import Testing

@Suite struct GzipTests {
    @Test func anInputLargerThanOneSliceIsCompressedWhole() {
        // zlib takes at most 2^32-1 bytes at once, so large inputs go in slices; the flush mode
        // (Z_FINISH) belongs to the last slice only, or the stream would end after the first.
        let text = Array(String(repeating: "piece of a large export\n", count: 500).utf8)
        let compressed = Gzip().compress(text, finish: true, slice: 1000)
        #expect(Gzip.decompress(compressed)?.count == text.count)
        #expect(Gzip.decompress(compressed) == text, "the whole input, not the first slice")
        let streaming = Gzip()
        let joined = streaming.compress(text, finish: false, slice: 777) + streaming.compress([], finish: true)
        #expect(Gzip.decompress(joined)?.count == text.count)
    }

    @Test func roundTripsAndIsDeterministic() throws {
        let text = Array(String(repeating: "مالي والجزائر Mali and Algeria ", count: 200).utf8)
        let compressed = Gzip.compress(text)
        #expect(compressed.count < text.count / 4)
        #expect(Array(compressed.prefix(2)) == [0x1f, 0x8b])
        #expect(Gzip.decompress(compressed) == text)
        #expect(Gzip.compress(text) == compressed)
    }

    @Test func streamedPiecesDecompressToTheWhole() {
        let gzip = Gzip()
        var out: [UInt8] = []
        let pieces = (0..<10).map { Array("piece \($0) ".utf8) }
        for piece in pieces { out += gzip.compress(piece) }
        out += gzip.compress([], finish: true)
        #expect(Gzip.decompress(out) == pieces.flatMap { $0 })
    }

    @Test func emptyBodyAndGarbage() {
        #expect(Gzip.decompress(Gzip.compress([])) == [])
        #expect(Gzip.decompress(Array("not gzip".utf8)) == nil)
    }

    @Test func entityTagsAndIfNoneMatch() {
        let tag = EntityTag.strong(for: Array("hello".utf8))
        #expect(tag.hasPrefix("\"") && tag.hasSuffix("\""))
        #expect(tag == EntityTag.strong(for: Array("hello".utf8)))
        #expect(tag != EntityTag.strong(for: Array("hellp".utf8)))
        #expect(EntityTag.noneMatch([tag], current: tag))
        #expect(EntityTag.noneMatch(["\"a\", " + tag], current: tag))
        #expect(EntityTag.noneMatch(["W/" + tag], current: tag))
        #expect(EntityTag.noneMatch(["*"], current: tag))
        #expect(!EntityTag.noneMatch(["\"other\""], current: tag))
    }
}
