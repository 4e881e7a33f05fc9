// A server TLS context (OpenSSL): certificate chain and key from PEM files, checked to match,
// with the policy in COpenSSL/shim.h. One context is shared by every loop; each connection gets
// its own session from it.
import COpenSSL

public final class TLSContext: @unchecked Sendable {
    let context: OpaquePointer

    /// Loads and checks the chain and key; the error names the file and OpenSSL's reason.
    public init(certificateChainPath: String, privateKeyPath: String) throws(TLSError) {
        guard let context = SSL_CTX_new(TLS_server_method()) else { throw TLSError("cannot create a TLS context: \(Self.lastError())") }
        self.context = context
        guard chronicle_configure_server_context(context) == 1 else {
            throw TLSError("cannot apply the TLS policy: \(Self.lastError())")
        }
        guard SSL_CTX_use_certificate_chain_file(context, certificateChainPath) == 1 else {
            throw TLSError("cannot load the certificate chain \(certificateChainPath): \(Self.lastError())")
        }
        guard SSL_CTX_use_PrivateKey_file(context, privateKeyPath, SSL_FILETYPE_PEM) == 1 else {
            let reason = Self.lastError()
            if reason.contains("mismatch") {
                throw TLSError("the private key \(privateKeyPath) does not match the certificate \(certificateChainPath): \(reason)")
            }
            throw TLSError("cannot load the private key \(privateKeyPath): \(reason)")
        }
        guard SSL_CTX_check_private_key(context) == 1 else {
            throw TLSError("the private key \(privateKeyPath) does not match the certificate \(certificateChainPath): \(Self.lastError())")
        }
    }

    deinit { SSL_CTX_free(context) }

    static func lastError() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        chronicle_ssl_error_string(&buffer, buffer.count)
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return text.isEmpty ? "unknown error" : text
    }
}

public struct TLSError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}
