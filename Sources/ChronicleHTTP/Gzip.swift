// The gzip content coding (RFC 9110 section 8.4.1.3) through zlib. Output is deterministic for the
// same input (the gzip header carries no time), so a compressed body can be cached and reused.
import CZlib

public final class Gzip {
    private var stream = z_stream()
    private var finished = false

    /// Compression level 6: zlib's default, the usual balance for text.
    public init(level: Int32 = 6) {
        // windowBits 15 + 16 selects the gzip wrapper; memLevel 8 is zlib's default.
        let rc = deflateInit2_(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        precondition(rc == Z_OK, "deflateInit2 failed: \(rc)")
    }

    deinit { deflateEnd(&stream) }

    /// Compresses the next piece of a stream; `finish` flushes and writes the gzip trailer.
    public func compress(_ input: [UInt8], finish: Bool = false) -> [UInt8] {
        precondition(!finished, "gzip stream already finished")
        var output: [UInt8] = []
        output.reserveCapacity(finish ? Int(deflateBound(&stream, UInt(input.count))) + 64 : input.count / 2 + 64)
        var chunk = [UInt8](repeating: 0, count: 32 * 1024)
        input.withUnsafeBufferPointer { source in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = UInt32(source.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = UInt32(target.count)
                    // Z_SYNC_FLUSH lets each streamed piece reach the client without waiting for the end.
                    _ = deflate(&stream, finish ? Z_FINISH : Z_SYNC_FLUSH)
                    output.append(contentsOf: target[0..<(target.count - Int(stream.avail_out))])
                }
            } while stream.avail_out == 0
            stream.next_in = nil
        }
        if finish { finished = true }
        return output
    }

    /// One whole body, compressed.
    public static func compress(_ body: [UInt8], level: Int32 = 6) -> [UInt8] {
        Gzip(level: level).compress(body, finish: true)
    }

    /// Decompresses a gzip body (for tests and tools); nil when it is not valid gzip.
    public static func decompress(_ data: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var rc: Int32 = Z_OK
        data.withUnsafeBufferPointer { source in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = UInt32(source.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = UInt32(target.count)
                    rc = inflate(&stream, Z_NO_FLUSH)
                    output.append(contentsOf: target[0..<(target.count - Int(stream.avail_out))])
                }
            } while rc == Z_OK && (stream.avail_in > 0 || stream.avail_out == 0)
        }
        return rc == Z_STREAM_END ? output : nil
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
