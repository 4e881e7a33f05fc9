// GET /dashboard and its assets (Dashboard.swift explains the versioned asset directory).
import ChronicleHTTP
import ChronicleRouter
import HTTPTypes

extension ChronicleAPI {
    func dashboardPage(_ request: Request, _ parameters: Parameters) throws -> Response {
        // The page's own query string is the dashboard's state (filters, selection), read by its
        // script; the server ignores it.
        var response = Response(contentType: "text/html; charset=utf-8", body: Dashboard.page)
        response.headerFields[.cacheControl] = "no-cache"
        response.headerFields[.contentSecurityPolicy] = Dashboard.contentSecurityPolicy
        return response
    }

    func dashboardAsset(_ request: Request, _ parameters: Parameters) throws -> Response {
        _ = try QueryParameters(request, allowed: [])
        let name = parameters["file"] ?? ""
        guard let asset = Dashboard.assets[name] else {
            throw HTTPProblem(.notFound, "The dashboard has no asset \"\(name)\".")
        }
        var response = Response(contentType: asset.contentType, body: asset.bytes)
        // A page from an older build (a rolling update) asks for its own version: it gets this
        // build's file, but not as something to keep.
        response.headerFields[.cacheControl] = parameters["version"] == Dashboard.version
            ? "public, max-age=31536000, immutable" : "no-cache"
        return response
    }
}

extension HTTPField.Name {
    static let contentSecurityPolicy = HTTPField.Name("Content-Security-Policy")!
}
