// The gzip content coding (RFC 9110 section 8.4.1.3) through zlib. Output is deterministic for the
// same input (the gzip header carries no time), so a compressed body can be cached and reused.
import CZlib

public final class Gzip {
    /// On the heap, at one address for the stream's whole life: zlib keeps a pointer back to it
    /// (`state->strm`) and refuses a stream that has moved, and Swift promises no stable address
    /// for a stored property passed with `&`.
    private let stream: UnsafeMutablePointer<z_stream>
    private var finished = false

    /// Compression level 6: zlib's default, the usual balance for text.
    public init(level: Int32 = 6) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // windowBits 15 + 16 selects the gzip wrapper; memLevel 8 is zlib's default.
        let rc = deflateInit2_(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        precondition(rc == Z_OK, "deflateInit2 failed: \(rc)")  // only out of memory or a bad level
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Compresses the next piece of a stream; `finish` flushes and writes the gzip trailer.
    public func compress(_ input: [UInt8], finish: Bool = false) -> [UInt8] {
        compress(input, finish: finish, slice: 1 << 30)
    }

    /// `slice` is the most fed to zlib at once (avail_in is 32 bits); tests make it small.
    func compress(_ input: [UInt8], finish: Bool, slice: Int) -> [UInt8] {
        precondition(!finished, "gzip stream already finished")
        var output: [UInt8] = []
        output.reserveCapacity(finish ? Int(deflateBound(stream, UInt(input.count))) + 64 : input.count / 2 + 64)
        // Z_SYNC_FLUSH lets each streamed piece reach the client without waiting for the end.
        // The flush mode applies to the last slice of a large input; the slices before it are fed plainly.
        let rc = Self.drive(stream, input: input, into: &output, chunk: 32 * 1024, slice: slice) { stream, isLast in
            deflate(stream, isLast ? (finish ? Z_FINISH : Z_SYNC_FLUSH) : Z_NO_FLUSH)
        }
        // Z_STREAM_ERROR means an inconsistent stream: a bug, never input-dependent.
        precondition(rc == (finish ? Z_STREAM_END : Z_OK), "deflate failed: \(rc)")
        if finish { finished = true }
        return output
    }

    /// One whole body, compressed, in storage of its own size: the output was reserved for the worst
    /// case (about the input's size), and a body kept in a cache must not keep that reserve alive.
    public static func compress(_ body: [UInt8], level: Int32 = 6) -> [UInt8] {
        let output = Gzip(level: level).compress(body, finish: true)
        guard output.capacity > output.count + output.count / 8 + 64 else { return output }
        return [UInt8](unsafeUninitializedCapacity: output.count) { buffer, count in
            count = buffer.initialize(fromContentsOf: output)
        }
    }

    /// Decompresses a gzip body (for tests and tools); nil when it is not valid gzip.
    public static func decompress(_ data: [UInt8]) -> [UInt8]? {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer {
            stream.deinitialize(count: 1)
            stream.deallocate()
        }
        guard inflateInit2_(stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(stream) }
        var output: [UInt8] = []
        let rc = drive(stream, input: data, into: &output, chunk: 64 * 1024, slice: 1 << 30) { stream, _ in inflate(stream, Z_NO_FLUSH) }
        return rc == Z_STREAM_END ? output : nil
    }

    /// Feeds `input` through `step` (deflate or inflate), appending what it writes, until the input
    /// is consumed and the output no longer fills a whole chunk, or the step stops with an error or
    /// the end of the stream. Returns the last return code (Z_BUF_ERROR, "no progress possible",
    /// after a step that made progress counts as Z_OK).
    private static func drive(
        _ stream: UnsafeMutablePointer<z_stream>, input: [UInt8], into output: inout [UInt8], chunk size: Int, slice: Int,
        step: (UnsafeMutablePointer<z_stream>, _ isLast: Bool) -> Int32
    ) -> Int32 {
        var chunk = [UInt8](repeating: 0, count: size)
        var rc = Z_OK
        input.withUnsafeBufferPointer { source in
            var offset = 0
            repeat {
                // avail_in is 32 bits: feed at most 1 GiB per step.
                let take = min(source.count - offset, slice)
                let isLast = offset + take == source.count
                stream.pointee.next_in = UnsafeMutablePointer(mutating: source.baseAddress.map { $0 + offset })
                stream.pointee.avail_in = UInt32(take)
                repeat {
                    chunk.withUnsafeMutableBufferPointer { target in
                        stream.pointee.next_out = target.baseAddress
                        stream.pointee.avail_out = UInt32(target.count)
                        rc = step(stream, isLast)
                        output.append(contentsOf: target[0..<(target.count - Int(stream.pointee.avail_out))])
                    }
                } while rc == Z_OK && (stream.pointee.avail_out == 0 || stream.pointee.avail_in > 0)
                if rc == Z_BUF_ERROR && !isLast { rc = Z_OK }  // the slice is consumed; the next one follows
                offset += take - Int(stream.pointee.avail_in)
            } while rc == Z_OK && offset < source.count
            stream.pointee.next_in = nil
        }
        return rc == Z_BUF_ERROR ? Z_OK : rc
    }

    /// CRC-32 and Adler-32 of the bytes with their length: a stable 96-bit fingerprint for ETags.
    public static func fingerprint(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            let crc = crc32(0, buffer.baseAddress, UInt32(buffer.count))
            let adler = adler32(1, buffer.baseAddress, UInt32(buffer.count))
            return String(buffer.count, radix: 16) + "-" + String(crc, radix: 16) + String(adler, radix: 16)
        }
    }
}
