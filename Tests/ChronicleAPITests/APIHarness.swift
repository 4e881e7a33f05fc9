import ChronicleAPI
import ChronicleStore
import ChronicleHTTP
import ChronicleRouter
import Foundation
import HTTPTypes

let dataDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Data").path

/// The API's router over the shipped data, called in-process.
struct APIHarness {
    let api: ChronicleAPI
    let router: Router

    init() throws {
        api = ChronicleAPI(data: DatasetHolder(try Store.load(directory: dataDirectory)))
        router = try api.makeRouter()
    }

    func get(_ target: String, method: HTTPRequest.Method = .get) throws -> Response {
        router.respond(to: try Request.make(method, target))
    }

    func json(_ target: String) throws -> [String: Any] {
        let response = try get(target)
        return try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any] ?? [:]
    }

    func ids(_ target: String) throws -> [String] {
        (try json(target)["data"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }
}

/// Percent-encodes a query value the way curl --data-urlencode does (space as +).
func formEncode(_ text: String) -> String {
    var out = ""
    for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
            out.append(Character(Unicode.Scalar(byte)))
        case UInt8(ascii: " "):
            out.append("+")
        default:
            out += String(format: "%%%02X", byte)
        }
    }
    return out
}
