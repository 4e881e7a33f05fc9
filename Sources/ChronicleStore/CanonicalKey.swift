// Keys of the id tables and field indexes are compared as UTF-8 bytes (in the index file, by binary
// search), but the loader compares ids as Swift strings, which are equal when canonically
// equivalent ("é" composed or as "e" and a combining accent). Both the keys an index is built with
// and the keys it is asked for are put in Unicode normalization form C, so an index finds what the
// loader's checks found. ASCII, which every shipped id is, is already in that form.
import Foundation

enum CanonicalKey {
    static func of(_ text: String) -> String {
        text.utf8.allSatisfy({ $0 < 0x80 }) ? text : text.precomposedStringWithCanonicalMapping
    }
}
