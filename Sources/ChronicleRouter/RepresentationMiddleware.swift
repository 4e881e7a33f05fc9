// What a cache or a polling dashboard needs of every successful GET: a strong ETag, 304 for a
// matching If-None-Match, Cache-Control, and gzip when the client accepts it (RFC 9110 sections
// 8.8.3, 12.5.3, 13.1.2 and 15.4.5; RFC 9111 section 5.2). The 304 is decided before compressing,
// and compressed bodies are cached by the identity body's fingerprint, so a repeated request for
// the same content does not compress again.
import ChronicleHTTP
import HTTPTypes

public struct RepresentationMiddleware: Middleware {
    public struct Options: Sendable {
        /// Cache-Control on successful GETs.
        public var cacheControl: String = "public, max-age=60"
        /// Bodies smaller than this are not worth compressing.
        public var compressionThreshold: Int = 1024
        public init() {}
    }

    private let options: Options

    /// Compressed bodies are not cached here: the response cache, outside this middleware, keeps
    /// each answer with its coding (ARCHITECTURE.md, "The order of the middleware").
    public init(options: Options = Options()) {
        self.options = options
    }

    static let compressible = [
        "application/json", "application/problem+json", "application/x-ndjson", "text/csv", "text/plain", "application/xml",
        "image/svg+xml",
    ]

    static func isCompressible(_ contentType: String?) -> Bool {
        guard let type = contentType?.split(separator: ";").first?.filter({ $0 != " " }).lowercased() else { return false }
        return compressible.contains(type) || type.hasPrefix("text/")
    }

    public func handle(_ request: Request, next: (Request) -> Response) -> Response {
        var response = next(request)
        guard request.method == .get || request.method == .head else { return response }
        // A handler that answered 304 itself (before building a body) gets the caching fields a 200
        // would have had.
        if response.status == .notModified, response.headerFields[.eTag] != nil {
            response.headerFields.append(HTTPField(name: .vary, value: "Accept-Encoding"))
            if response.headerFields[.cacheControl] == nil { response.headerFields[.cacheControl] = options.cacheControl }
            return response
        }
        guard Self.isCompressible(response.headerFields[.contentType]) else { return response }
        // The representation varies with Accept-Encoding whether or not this one is compressed.
        response.headerFields.append(HTTPField(name: .vary, value: "Accept-Encoding"))

        let acceptEncoding = request.headerFields[values: .acceptEncoding]
        let encodings = acceptEncoding.isEmpty ? nil : QualityList(acceptEncoding)
        let gzipQuality = encodings?.codingQuality("gzip") ?? 0
        let identityQuality = encodings?.codingQuality("identity") ?? 1
        if response.stream != nil {
            // A streamed body cannot be hashed before it is sent: it is tagged only if its handler did.
            let useGzip = gzipQuality > 0 && gzipQuality >= identityQuality
            if let tag = response.headerFields[.eTag] {
                let etag = useGzip ? EntityTag.variant(tag, coding: "gzip") : tag
                response.headerFields[.eTag] = etag
                if response.headerFields[.cacheControl] == nil { response.headerFields[.cacheControl] = options.cacheControl }
                if let notModified = notModified(request, response, etag: etag) { return notModified }
            }
            if useGzip, let stream = response.stream {
                let gzip = Gzip()
                response.stream = stream.map({ gzip.compress($0) }, finish: { gzip.compress([], finish: true) })
                response.headerFields[.contentEncoding] = "gzip"
            }
            return response
        }
        guard response.status == .ok else { return response }
        // Uncacheable answers (metrics, readiness) get no validator.
        let noStore = response.headerFields[.cacheControl]?.contains("no-store") == true

        let large = response.body.count >= options.compressionThreshold
        let useGzip = gzipQuality > 0 && (identityQuality == 0 || (large && gzipQuality >= identityQuality))
        if !useGzip && identityQuality == 0 {
            // RFC 9110 section 12.5.3: nothing acceptable; say so rather than send what was refused.
            var refused = Response.problem(.notAcceptable, "No acceptable content coding: this server offers gzip and identity.")
            refused.headerFields.append(HTTPField(name: .vary, value: "Accept-Encoding"))
            return refused
        }
        if noStore {
            response.headerFields[.eTag] = nil
            if useGzip { compress(&response) }
            return response
        }
        // A handler that knows what its body depends on may set the tag itself (cheaper than hashing
        // the body); otherwise the body's fingerprint is the tag.
        let identityTag = response.headerFields[.eTag].map { String($0.filter { $0 != "\"" }) } ?? Gzip.fingerprint(response.body)
        let etag = useGzip ? EntityTag.variant("\"" + identityTag + "\"", coding: "gzip") : "\"" + identityTag + "\""
        response.headerFields[.eTag] = etag
        if response.headerFields[.cacheControl] == nil { response.headerFields[.cacheControl] = options.cacheControl }

        if let notModified = notModified(request, response, etag: etag) { return notModified }
        if useGzip { compress(&response) }
        return response
    }

    /// RFC 9110 section 13.2.2: If-None-Match is evaluated for GET and HEAD; a match is a 304
    /// carrying the fields a 200 would have had for caching (ETag, Cache-Control, Vary).
    private func notModified(_ request: Request, _ response: Response, etag: String) -> Response? {
        let conditions = request.headerFields[values: .ifNoneMatch]
        guard !conditions.isEmpty && EntityTag.noneMatch(conditions, current: etag) else { return nil }
        var notModified = Response(status: .notModified)
        notModified.route = response.route
        for name in [HTTPField.Name.eTag, .cacheControl, .vary, .contentLocation, .expires] {
            for value in response.headerFields[values: name] { notModified.headerFields.append(HTTPField(name: name, value: value)) }
        }
        return notModified
    }

    private func compress(_ response: inout Response) {
        response.body = Gzip.compress(response.body)
        response.headerFields[.contentEncoding] = "gzip"
    }
}
