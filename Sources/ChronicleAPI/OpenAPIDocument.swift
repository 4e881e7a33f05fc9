// The OpenAPI 3.1 description of every route (openapi.json beside this file), embedded in the
// binary at build time and served at /openapi.json. A test checks that its paths are exactly the
// router's routes, and CI validates it with openapi-spec-validator.

enum OpenAPIDocument {
    static let bytes: [UInt8] = PackageResources.openapi_json
}
