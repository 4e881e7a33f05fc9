// libFuzzer target for the HTTP/1.1 codec. Beyond "does not crash", it checks the properties the
// server relies on: a result never claims more bytes than it was given, a request split anywhere
// parses the same as whole (a prefix is `.needMore` or the same error; resuming from a prefix's
// progress gives the whole verdict), and the chunked decoder
// gives the same body and length whether its input arrives whole or in two pieces.
import ChronicleHTTP

let limits = RequestParser.Limits(maxRequestLineBytes: 512, maxHeaderBytes: 2048, maxHeaderCount: 32, maxBodyBytes: 4096)

enum Verdict: Equatable {
    case complete(Int)
    case needMore
    case invalid(Int)
}

func verdict(_ bytes: UnsafeRawBufferPointer) -> Verdict {
    switch RequestParser.parse(bytes, limits: limits) {
    case .complete(let head, let consumed):
        precondition(consumed > 0 && consumed <= bytes.count, "consumed \(consumed) of \(bytes.count)")
        _ = head.target.segments
        return .complete(consumed)
    case .needMore: return .needMore
    case .invalid(let error): return .invalid(error.status.code)
    }
}

func chunked(_ bytes: UnsafeRawBufferPointer, split: Int) -> String {
    var decoder = ChunkedDecoder(limits: limits)
    var body: [UInt8] = []
    var offset = 0
    for piece in [0..<split, split..<bytes.count] where !piece.isEmpty {
        do {
            switch try decoder.decode(UnsafeRawBufferPointer(rebasing: bytes[piece]), into: &body) {
            case .needMore: offset = piece.upperBound
            case .done(let consumed):
                precondition(consumed <= piece.count)
                return "done \(offset + consumed) \(body)"
            }
        } catch {
            return "error \(error.status.code)"
        }
    }
    return "more \(body)"
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    let whole = verdict(bytes)
    for split in Set([size / 3, size / 2, size - 1]) where split > 0 && split < size {
        let prefix = verdict(UnsafeRawBufferPointer(rebasing: bytes[0..<split]))
        switch prefix {
        case .needMore: break
        case .complete(let consumed): precondition(whole == .complete(consumed), "prefix completed at \(consumed), whole gave \(whole)")
        case .invalid(let status): precondition(whole == .invalid(status), "prefix refused with \(status), whole gave \(whole)")
        }
    }
    // Resuming from a prefix's progress reaches the whole buffer's verdict.
    for split in Set([size / 3, size / 2, size - 1]) where split > 0 && split < size {
        if case .needMore(let progress) = RequestParser.parse(UnsafeRawBufferPointer(rebasing: bytes[0..<split]), limits: limits) {
            let resumed: Verdict
            switch RequestParser.parse(bytes, limits: limits, resuming: progress) {
            case .complete(_, let consumed): resumed = .complete(consumed)
            case .needMore: resumed = .needMore
            case .invalid(let error): resumed = .invalid(error.status.code)
            }
            precondition(resumed == whole, "resumed at \(split) gave \(resumed), whole gave \(whole)")
        }
    }
    if size > 1 {
        precondition(chunked(bytes, split: size / 2) == chunked(bytes, split: size), "chunked decoding depends on the split")
    }
    return 0
}
