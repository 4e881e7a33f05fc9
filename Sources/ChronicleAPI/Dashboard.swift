// The dashboard's files (Dashboard/ beside this file), embedded in the binary at build time like
// openapi.json. The page at /dashboard names its scripts and styles under one version directory,
// /dashboard/assets/VERSION/, where VERSION is a fingerprint of every asset: the modules import
// each other by relative path, so they need no rewriting, and a new build is a new directory that
// browsers may cache forever. The page itself is revalidated on every load (no-cache + ETag).
import ChronicleHTTP

enum Dashboard {
    struct Asset: Sendable {
        let contentType: String
        let bytes: [UInt8]
    }

    static let assets: [String: Asset] = [
        "main.js": Asset(contentType: javaScript, bytes: PackageResources.main_js),
        "api.js": Asset(contentType: javaScript, bytes: PackageResources.api_js),
        "state.js": Asset(contentType: javaScript, bytes: PackageResources.state_js),
        "i18n.js": Asset(contentType: javaScript, bytes: PackageResources.i18n_js),
        "timeline.js": Asset(contentType: javaScript, bytes: PackageResources.timeline_js),
        "network.js": Asset(contentType: javaScript, bytes: PackageResources.network_js),
        "map.js": Asset(contentType: javaScript, bytes: PackageResources.map_js),
        "world.json": Asset(contentType: "application/json", bytes: PackageResources.world_json),
        "source.js": Asset(contentType: javaScript, bytes: PackageResources.source_js),
        "dom.js": Asset(contentType: javaScript, bytes: PackageResources.dom_js),
        "palette.js": Asset(contentType: javaScript, bytes: PackageResources.palette_js),
        "style.css": Asset(contentType: "text/css; charset=utf-8", bytes: PackageResources.style_css),
        "favicon.svg": Asset(contentType: "image/svg+xml", bytes: PackageResources.favicon_svg),
    ]

    private static let javaScript = "text/javascript; charset=utf-8"

    /// One fingerprint over every asset's name and bytes.
    static let version: String = {
        var all: [UInt8] = []
        for name in assets.keys.sorted() {
            all += Array(name.utf8) + [0] + assets[name]!.bytes + [0]
        }
        return Gzip.fingerprint(all)
    }()

    /// index.html with the version directory filled in.
    static let page: [UInt8] = Array(
        String(decoding: PackageResources.index_html, as: UTF8.self).replacingAll("{{version}}", with: version).utf8)

    /// Scripts and styles only from this server; data from any API host the page is pointed at
    /// (`?api=`, answered under CORS); no frames, no plugins, no inline script.
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "connect-src 'self' http: https:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
}

private extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
