import ChronicleAPI
import ChronicleHTTP
import Foundation
import HTTPTypes
import Testing

/// The dashboard as the server ships it (the browser tests in Tests/Browser drive it in Chromium).
@Suite struct DashboardTests {
    let harness: APIHarness

    init() throws { harness = try APIHarness() }

    private func page() throws -> String {
        String(decoding: try harness.get("/dashboard").body, as: UTF8.self)
    }

    /// Every "/dashboard/assets/…" path the page names.
    private func assetPaths(_ html: String) throws -> [String] {
        let pattern = try NSRegularExpression(pattern: #"/dashboard/assets/[^"]+"#)
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { String(html[Range($0.range, in: html)!]) }
    }

    @Test func thePageNamesItsAssetsUnderOneVersionAndEachIsServedForever() throws {
        let response = try harness.get("/dashboard")
        #expect(response.status == .ok)
        #expect(response.headerFields[.contentType] == "text/html; charset=utf-8")
        #expect(response.headerFields[.cacheControl] == "no-cache")
        let policy = try #require(response.headerFields[HTTPField.Name("Content-Security-Policy")!])
        #expect(policy.contains("script-src 'self'") && policy.contains("default-src 'self'") && !policy.contains("unsafe"))
        let html = try page()
        #expect(!html.contains("{{"))
        let paths = try assetPaths(html)
        #expect(paths.count >= 4)
        let versions = Set(paths.map { $0.split(separator: "/")[2] })
        #expect(versions.count == 1)
        for path in paths {
            let asset = try harness.get(path)
            #expect(asset.status == .ok, "\(path)")
            #expect(asset.headerFields[.cacheControl] == "public, max-age=31536000, immutable", "\(path)")
        }
    }

    /// The page's assets and every module they import, transitively, as paths.
    private func reachableAssets() throws -> Set<String> {
        var pending = try assetPaths(try page()), seen: Set<String> = []
        // Modules it imports, and files a module fetches by a relative name ('./world.json').
        let importPattern = try NSRegularExpression(pattern: #"'\./([a-z0-9_-]+\.(?:js|json))'"#)
        while let path = pending.popLast() {
            guard seen.insert(path).inserted else { continue }
            let response = try harness.get(path)
            #expect(response.status == .ok, "\(path) is named or imported but not served")
            guard path.hasSuffix(".js") else { continue }
            #expect(response.headerFields[.contentType] == "text/javascript; charset=utf-8")
            let directory = path[..<path.lastIndex(of: "/")!]
            let source = String(decoding: response.body, as: UTF8.self)
            for match in importPattern.matches(in: source, range: NSRange(source.startIndex..., in: source)) {
                pending.append(directory + "/" + String(source[Range(match.range(at: 1), in: source)!]))
            }
        }
        return seen
    }

    @Test func everyModuleImportResolvesToAnAsset() throws {
        let names = Set(try reachableAssets().map { String($0.split(separator: "/").last!) })
        #expect(
            names.isSuperset(of: [
                "main.js", "api.js", "state.js", "i18n.js", "timeline.js", "network.js", "map.js", "world.json", "source.js", "dom.js",
                "palette.js", "style.css", "favicon.svg",
            ]))
    }

    @Test func anotherVersionGetsTheCurrentFileButNotToKeep() throws {
        let response = try harness.get("/dashboard/assets/old-build/main.js")
        #expect(response.status == .ok)
        #expect(response.headerFields[.cacheControl] == "no-cache")
        let missing = try harness.get("/dashboard/assets/old-build/nothing.js")
        #expect(missing.status == .notFound)
        #expect(missing.headerFields[.contentType] == "application/problem+json")
        #expect(try harness.get("/dashboard/assets/x/main.js?v=1").status == .badRequest)
    }

    @Test func thePageIgnoresItsOwnQueryString() throws {
        // The query is the view's state, read by the page's script.
        let response = try harness.get("/dashboard?actor=mali&type=ACCUSE&event=whatever&ui=ar")
        #expect(response.status == .ok)
        #expect(String(decoding: response.body, as: UTF8.self) == (try page()))
    }

    @Test func whatTheBrowserDownloadsStaysUnder300KilobytesCompressed() throws {
        var total = Gzip.compress(try harness.get("/dashboard").body).count
        for path in try reachableAssets() { total += Gzip.compress(try harness.get(path).body).count }
        #expect(total < 300_000)
        #expect(total > 5_000)
    }

    @Test func theIndexLinksTheDashboard() throws {
        #expect((try harness.json("/")["links"] as? [String: String])?["dashboard"] == "/dashboard")
    }
}
