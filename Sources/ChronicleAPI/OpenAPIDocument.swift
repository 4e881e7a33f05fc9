// The OpenAPI 3.1 description of every route, served at /openapi.json. A test checks that its
// paths are exactly the router's routes, and CI validates it with openapi-spec-validator.

enum OpenAPIDocument {
    static let bytes = Array(json.utf8)

    static let json = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "Chronicle",
    "version": "1.0.0",
    "description": "Events, actors and quotes taken from source documents. Every quote is verbatim and points at its exact span (Unicode code points, end-exclusive) in its document; every event cites the spans that state it.",
    "license": {
      "name": "MIT",
      "identifier": "MIT"
    }
  },
  "servers": [
    {
      "url": "/"
    }
  ],
  "tags": [
    {
      "name": "events"
    },
    {
      "name": "actors"
    },
    {
      "name": "quotes"
    },
    {
      "name": "documents"
    },
    {
      "name": "service"
    }
  ],
  "paths": {
    "/": {
      "get": {
        "operationId": "getIndex",
        "summary": "Service index with counts and links",
        "tags": [
          "service"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/pretty"
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            },
            "headers": {
              "ETag": {
                "description": "Strong entity tag of this representation",
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          }
        }
      }
    },
    "/health": {
      "get": {
        "operationId": "getHealth",
        "summary": "Liveness: 200 while the process serves",
        "tags": [
          "service"
        ],
        "parameters": [],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "status": {
                      "type": "string",
                      "enum": [
                        "ok"
                      ]
                    }
                  }
                }
              }
            },
            "headers": {
              "ETag": {
                "description": "Strong entity tag of this representation",
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          }
        }
      }
    },
    "/openapi.json": {
      "get": {
        "operationId": "getOpenAPI",
        "summary": "This document",
        "tags": [
          "service"
        ],
        "parameters": [],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            },
            "headers": {
              "ETag": {
                "description": "Strong entity tag of this representation",
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          }
        }
      }
    },
    "/events": {
      "get": {
        "operationId": "listEvents",
        "summary": "Events, filtered and paged",
        "tags": [
          "events"
        ],
        "parameters": [
          {
            "name": "actor",
            "in": "query",
            "description": "Events in which this actor takes part; repeat to require several actors",
            "required": false,
            "schema": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "style": "form",
            "explode": true
          },
          {
            "$ref": "#/components/parameters/type"
          },
          {
            "$ref": "#/components/parameters/from"
          },
          {
            "$ref": "#/components/parameters/to"
          },
          {
            "name": "document",
            "in": "query",
            "description": "Events stated in this document",
            "required": false,
            "schema": {
              "type": "string"
            }
          },
          {
            "$ref": "#/components/parameters/q"
          },
          {
            "$ref": "#/components/parameters/sort"
          },
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/offset"
          },
          {
            "$ref": "#/components/parameters/pretty"
          },
          {
            "$ref": "#/components/parameters/format"
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "allOf": [
                    {
                      "$ref": "#/components/schemas/ListEnvelope"
                    },
                    {
                      "type": "object",
                      "properties": {
                        "data": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/Event"
                          }
                        }
                      }
                    }
                  ]
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              },
              "application/x-ndjson": {
                "schema": {
                  "type": "string"
                }
              }
            },
            "headers": {
              "Link": {
                "description": "RFC 8288 links to the next and previous pages",
                "schema": {
                  "type": "string"
                }
              },
              "ETag": {
                "description": "Strong entity tag of this representation",
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "406": {
            "$ref": "#/components/responses/NotAcceptable"
          }
        }
      }
    },
    "/events/{id}": {
      "get": {
        "operationId": "getEvent",
        "summary": "One event",
        "tags": [
          "events"
        ],
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "description": "The event's id",
            "required": true,
            "schema": {
              "type": "string"
            }
          },
          {
            "$ref": "#/components/parameters/pretty"
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "data"
                  ],
                  "properties": {
                    "data": {
                      "$ref": "#/components/schemas/Event"
                    }
                  }
                }
              }
            },
            "headers": {
              "ETag": {
                "description": "Strong entity tag of this representation",
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          }
        }
      }
    },
    "/actors": {
      "get": {
        "operationId": "listActors",
        "summary": "Actors, filtered and paged",
        "tags": [
          "actors"
        ],
        "parameters": [
          {
            "name": "kind",
            "in": "query",
            "description": "Actor kind",
            "required": false,
            "schema": {
              "type": "string",
              "enum": [
                "person",
                "state",
                "government_body",
                "armed_group",
                "international_body"
              ]
            }
          },
          {
            "$ref": "#/components/parameters/q"
          },
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/offset"
          },
          {
            "$ref": "#/components/parameters/pretty"
          },
          {
            "$ref": "#/components/parameters/format"
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "allOf": [
                    {
                      "$ref": "#/components/schemas/ListEnvelope"
                    },
                    {
                      "type": "object",
                      "properties": {
                        "data": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/Actor"
                          }
                        }
                      }
                    }
                  ]
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              },
              "application/x-ndjson": {
                "schema": {
                  "type": "string"
                }
              }
            },
            "headers": {
              "Link": {
                "description": "RFC 8288 links to the next and previous pages",
                "schema": {
                  "type": "string"
                }
              },
              "ETag": {
                "description": "Strong entity tag of this representation",
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "406": {
            "$ref": "#/components/responses/NotAcceptable"
          }
        }
      }
    },
    "/actors/{id}": {
      "get": {
        "operationId": "getActor",
        "summary": "One actor",
        "tags": [
          "actors"
        ],
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "description": "The actor's id",
            "required": true,
            "schema": {
              "type": "string"
            }
          },
          {
            "$ref": "#/components/parameters/pretty"
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "data"
                  ],
                  "properties": {
                    "data": {
                      "$ref": "#/components/schemas/Actor"
                    }
                  }
                }
              }
            },
            "headers": {
              "ETag": {
                "description": "Strong entity tag of this representation",
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          }
        }
      }
    },
    "/actors/{id}/events": {
      "get": {
        "operationId": "listActorEvents",
        "summary": "Events in which the actor takes part",
        "tags": [
          "actors"
        ],
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "description": "The actor's id",
            "required": true,
            "schema": {
              "type": "string"
            }
          },
          {
            "$ref": "#/components/parameters/type"
          },
          {
            "$ref": "#/components/parameters/from"
          },
          {
            "$ref": "#/components/parameters/to"
          },
          {
            "$ref": "#/components/parameters/q"
          },
          {
            "$ref": "#/components/parameters/sort"
          },
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/offset"
          },
          {
            "$ref": "#/components/parameters/pretty"
          },
          {
            "$ref": "#/components/parameters/format"
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "allOf": [
                    {
                      "$ref": "#/components/schemas/ListEnvelope"
                    },
                    {
                      "type": "object",
                      "properties": {
                        "data": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/Event"
                          }
                        }
                      }
                    }
                  ]
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              },
              "application/x-ndjson": {
                "schema": {
                  "type": "string"
                }
              }
            },
            "headers": {
              "Link": {
                "description": "RFC 8288 links to the next and previous pages",
                "schema": {
                  "type": "string"
                }
              },
              "ETag": {
                "description": "Strong entity tag of this representation",
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "406": {
            "$ref": "#/components/responses/NotAcceptable"
          }
        }
      }
    },
    "/actors/{id}/quotes": {
      "get": {
        "operationId": "listActorQuotes",
        "summary": "Quotes spoken by the actor",
        "tags": [
          "actors"
        ],
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "description": "The actor's id",
            "required": true,
            "schema": {
              "type": "string"
            }
          },
          {
            "$ref": "#/components/parameters/event"
          },
          {
            "$ref": "#/components/parameters/lang"
          },
          {
            "$ref": "#/components/parameters/from"
          },
          {
            "$ref": "#/components/parameters/to"
          },
          {
            "$ref": "#/components/parameters/q"
          },
          {
            "$ref": "#/components/parameters/sort"
          },
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/offset"
          },
          {
            "$ref": "#/components/parameters/pretty"
          },
          {
            "$ref": "#/components/parameters/format"
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "allOf": [
                    {
                      "$ref": "#/components/schemas/ListEnvelope"
                    },
                    {
                      "type": "object",
                      "properties": {
                        "data": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/Quote"
                          }
                        }
                      }
                    }
                  ]
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              },
              "application/x-ndjson": {
                "schema": {
                  "type": "string"
                }
              }
            },
            "headers": {
              "Link": {
                "description": "RFC 8288 links to the next and previous pages",
                "schema": {
                  "type": "string"
                }
              },
              "ETag": {
                "description": "Strong entity tag of this representation",
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "406": {
            "$ref": "#/components/responses/NotAcceptable"
          }
        }
      }
    },
    "/quotes": {
      "get": {
        "operationId": "listQuotes",
        "summary": "Quotes, filtered and paged",
        "tags": [
          "quotes"
        ],
        "parameters": [
          {
            "name": "speaker",
            "in": "query",
            "description": "Quotes by this actor; repeat for any of several",
            "required": false,
            "schema": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "style": "form",
            "explode": true
          },
          {
            "$ref": "#/components/parameters/event"
          },
          {
            "$ref": "#/components/parameters/lang"
          },
          {
            "$ref": "#/components/parameters/from"
          },
          {
            "$ref": "#/components/parameters/to"
          },
          {
            "$ref": "#/components/parameters/q"
          },
          {
            "$ref": "#/components/parameters/sort"
          },
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/offset"
          },
          {
            "$ref": "#/components/parameters/pretty"
          },
          {
            "$ref": "#/components/parameters/format"
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "allOf": [
                    {
                      "$ref": "#/components/schemas/ListEnvelope"
                    },
                    {
                      "type": "object",
                      "properties": {
                        "data": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/Quote"
                          }
                        }
                      }
                    }
                  ]
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              },
              "application/x-ndjson": {
                "schema": {
                  "type": "string"
                }
              }
            },
            "headers": {
              "Link": {
                "description": "RFC 8288 links to the next and previous pages",
                "schema": {
                  "type": "string"
                }
              },
              "ETag": {
                "description": "Strong entity tag of this representation",
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "406": {
            "$ref": "#/components/responses/NotAcceptable"
          }
        }
      }
    },
    "/quotes/{id}": {
      "get": {
        "operationId": "getQuote",
        "summary": "One quote",
        "tags": [
          "quotes"
        ],
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "description": "The quote's id",
            "required": true,
            "schema": {
              "type": "string"
            }
          },
          {
            "$ref": "#/components/parameters/pretty"
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "data"
                  ],
                  "properties": {
                    "data": {
                      "$ref": "#/components/schemas/Quote"
                    }
                  }
                }
              }
            },
            "headers": {
              "ETag": {
                "description": "Strong entity tag of this representation",
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          }
        }
      }
    },
    "/documents": {
      "get": {
        "operationId": "listDocuments",
        "summary": "Source documents",
        "tags": [
          "documents"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/offset"
          },
          {
            "$ref": "#/components/parameters/pretty"
          },
          {
            "$ref": "#/components/parameters/format"
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "allOf": [
                    {
                      "$ref": "#/components/schemas/ListEnvelope"
                    },
                    {
                      "type": "object",
                      "properties": {
                        "data": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/Document"
                          }
                        }
                      }
                    }
                  ]
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              },
              "application/x-ndjson": {
                "schema": {
                  "type": "string"
                }
              }
            },
            "headers": {
              "Link": {
                "description": "RFC 8288 links to the next and previous pages",
                "schema": {
                  "type": "string"
                }
              },
              "ETag": {
                "description": "Strong entity tag of this representation",
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "406": {
            "$ref": "#/components/responses/NotAcceptable"
          }
        }
      }
    },
    "/documents/{id}": {
      "get": {
        "operationId": "getDocument",
        "summary": "One document's metadata",
        "tags": [
          "documents"
        ],
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "description": "The document's id",
            "required": true,
            "schema": {
              "type": "string"
            }
          },
          {
            "$ref": "#/components/parameters/pretty"
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "data"
                  ],
                  "properties": {
                    "data": {
                      "$ref": "#/components/schemas/Document"
                    }
                  }
                }
              }
            },
            "headers": {
              "ETag": {
                "description": "Strong entity tag of this representation",
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          }
        }
      }
    },
    "/documents/{id}/text": {
      "get": {
        "operationId": "getDocumentText",
        "summary": "The document's text, exactly as shipped; spans index its code points",
        "tags": [
          "documents"
        ],
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "description": "The document's id",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "text/plain; charset=utf-8": {
                "schema": {
                  "type": "string"
                }
              }
            },
            "headers": {
              "ETag": {
                "description": "Strong entity tag of this representation",
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          }
        }
      }
    },
    "/ready": {
      "get": {
        "operationId": "getReady",
        "summary": "Readiness: 200 once the data is loaded, 503 while draining",
        "tags": [
          "service"
        ],
        "parameters": [],
        "responses": {
          "200": {
            "description": "Ready",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "status": {
                      "type": "string",
                      "enum": [
                        "ready"
                      ]
                    },
                    "events": {
                      "type": "integer"
                    },
                    "generation": {
                      "type": "integer"
                    }
                  }
                }
              }
            }
          },
          "503": {
            "description": "Draining",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          }
        }
      }
    },
    "/metrics": {
      "get": {
        "operationId": "getMetrics",
        "summary": "Prometheus metrics (text exposition format 0.0.4)",
        "tags": [
          "service"
        ],
        "parameters": [],
        "responses": {
          "200": {
            "description": "Metrics",
            "content": {
              "text/plain; version=0.0.4; charset=utf-8": {
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    }
  },
  "components": {
    "schemas": {
      "Text": {
        "type": "object",
        "properties": {
          "en": {
            "type": "string"
          },
          "ar": {
            "type": "string"
          },
          "fr": {
            "type": "string"
          }
        },
        "additionalProperties": false
      },
      "Span": {
        "type": "object",
        "required": [
          "document",
          "start",
          "end",
          "text"
        ],
        "properties": {
          "document": {
            "type": "string"
          },
          "start": {
            "type": "integer",
            "minimum": 0,
            "description": "First code point (Unicode scalar), 0-based"
          },
          "end": {
            "type": "integer",
            "description": "One past the last code point"
          },
          "text": {
            "type": [
              "string",
              "null"
            ],
            "description": "The document's text in [start, end)"
          }
        }
      },
      "DateRange": {
        "type": "object",
        "properties": {
          "precision": {
            "type": "string",
            "enum": [
              "year",
              "month",
              "day",
              "interval"
            ]
          },
          "start": {
            "type": "string",
            "format": "date"
          },
          "end": {
            "type": "string",
            "format": "date"
          }
        }
      },
      "Code": {
        "type": "object",
        "required": [
          "code",
          "label"
        ],
        "properties": {
          "code": {
            "type": "string"
          },
          "label": {
            "type": "string"
          }
        }
      },
      "Event": {
        "type": "object",
        "required": [
          "id",
          "date",
          "date_range",
          "certainty",
          "type",
          "actors",
          "title",
          "summary",
          "sources"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "date": {
            "type": "string",
            "description": "EDTF level 0: YYYY, YYYY-MM, YYYY-MM-DD or an interval A/B"
          },
          "date_range": {
            "$ref": "#/components/schemas/DateRange"
          },
          "certainty": {
            "type": "string",
            "enum": [
              "stated",
              "inferred"
            ]
          },
          "date_note": {
            "type": "string"
          },
          "type": {
            "type": "object",
            "properties": {
              "cameo": {
                "$ref": "#/components/schemas/Code"
              },
              "plover": {
                "$ref": "#/components/schemas/Code"
              }
            }
          },
          "actors": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "id": {
                  "type": "string"
                },
                "role": {
                  "type": "string",
                  "enum": [
                    "source",
                    "target",
                    "other"
                  ]
                },
                "name": {
                  "type": [
                    "string",
                    "null"
                  ]
                }
              }
            }
          },
          "title": {
            "$ref": "#/components/schemas/Text"
          },
          "summary": {
            "$ref": "#/components/schemas/Text"
          },
          "sources": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Span"
            }
          },
          "links": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            }
          }
        }
      },
      "Actor": {
        "type": "object",
        "required": [
          "id",
          "kind",
          "names",
          "aliases",
          "affiliations"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "kind": {
            "type": "string",
            "enum": [
              "person",
              "state",
              "government_body",
              "armed_group",
              "international_body"
            ]
          },
          "names": {
            "$ref": "#/components/schemas/Text"
          },
          "aliases": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "description": {
            "$ref": "#/components/schemas/Text"
          },
          "affiliations": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "links": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            }
          }
        }
      },
      "Quote": {
        "type": "object",
        "required": [
          "id",
          "text",
          "language",
          "kind",
          "speaker",
          "date",
          "translation",
          "source"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "text": {
            "type": "string",
            "description": "Verbatim; equal to source.text"
          },
          "language": {
            "type": "string"
          },
          "kind": {
            "type": "string",
            "enum": [
              "statement",
              "term"
            ]
          },
          "speaker": {
            "type": "object",
            "properties": {
              "id": {
                "type": "string"
              },
              "name": {
                "type": [
                  "string",
                  "null"
                ]
              }
            }
          },
          "event": {
            "type": [
              "string",
              "null"
            ]
          },
          "date": {
            "type": "string"
          },
          "date_range": {
            "$ref": "#/components/schemas/DateRange"
          },
          "translation": {
            "$ref": "#/components/schemas/Text"
          },
          "source": {
            "$ref": "#/components/schemas/Span"
          },
          "note": {
            "type": "string"
          },
          "links": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            }
          }
        }
      },
      "Document": {
        "type": "object",
        "required": [
          "id",
          "title",
          "languages",
          "length",
          "sha256"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "title": {
            "$ref": "#/components/schemas/Text"
          },
          "languages": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "length": {
            "type": "integer",
            "description": "Length in code points"
          },
          "sha256": {
            "type": "string"
          },
          "kind": {
            "type": "string"
          },
          "published": {
            "type": "string"
          },
          "note": {
            "$ref": "#/components/schemas/Text"
          },
          "links": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            }
          }
        }
      },
      "ListEnvelope": {
        "type": "object",
        "required": [
          "data",
          "meta",
          "links"
        ],
        "properties": {
          "data": {
            "type": "array"
          },
          "meta": {
            "type": "object",
            "properties": {
              "total": {
                "type": "integer"
              },
              "count": {
                "type": "integer"
              },
              "offset": {
                "type": "integer"
              },
              "limit": {
                "type": "integer"
              }
            }
          },
          "links": {
            "type": "object",
            "properties": {
              "self": {
                "type": "string"
              },
              "next": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "prev": {
                "type": [
                  "string",
                  "null"
                ]
              }
            }
          }
        }
      },
      "Problem": {
        "type": "object",
        "required": [
          "type",
          "title",
          "status",
          "detail"
        ],
        "properties": {
          "type": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "status": {
            "type": "integer"
          },
          "detail": {
            "type": "string"
          },
          "parameter": {
            "type": "string",
            "description": "The query parameter at fault (400)"
          },
          "id": {
            "type": "string"
          }
        }
      }
    },
    "parameters": {
      "limit": {
        "name": "limit",
        "in": "query",
        "description": "Page size, 1 to 500",
        "required": false,
        "schema": {
          "type": "integer",
          "minimum": 1,
          "maximum": 500,
          "default": 50
        }
      },
      "offset": {
        "name": "offset",
        "in": "query",
        "description": "Items to skip; follow links.next instead of computing it",
        "required": false,
        "schema": {
          "type": "integer",
          "minimum": 0,
          "default": 0
        }
      },
      "pretty": {
        "name": "pretty",
        "in": "query",
        "description": "Indent the JSON",
        "required": false,
        "schema": {
          "type": "boolean"
        },
        "allowEmptyValue": true
      },
      "from": {
        "name": "from",
        "in": "query",
        "description": "Start of a date range (YYYY, YYYY-MM or YYYY-MM-DD); records whose dates overlap the range match",
        "required": false,
        "schema": {
          "type": "string",
          "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
        }
      },
      "to": {
        "name": "to",
        "in": "query",
        "description": "End of the date range, inclusive (a partial date covers its whole year or month)",
        "required": false,
        "schema": {
          "type": "string",
          "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
        }
      },
      "q": {
        "name": "q",
        "in": "query",
        "description": "Search across every language of the record; case, diacritics, Arabic hamza/alef forms and tashkeel are ignored, and each word matches as a prefix",
        "required": false,
        "schema": {
          "type": "string"
        }
      },
      "sort": {
        "name": "sort",
        "in": "query",
        "description": "date (oldest first, the default) or -date",
        "required": false,
        "schema": {
          "type": "string",
          "enum": [
            "date",
            "-date"
          ]
        }
      },
      "type": {
        "name": "type",
        "in": "query",
        "description": "A CAMEO code or prefix (e.g. 11, 112) or a PLOVER type (e.g. ACCUSE)",
        "required": false,
        "schema": {
          "type": "string"
        }
      },
      "event": {
        "name": "event",
        "in": "query",
        "description": "Quotes belonging to this event",
        "required": false,
        "schema": {
          "type": "string"
        }
      },
      "lang": {
        "name": "lang",
        "in": "query",
        "description": "Language of the quote text (e.g. ar, fr)",
        "required": false,
        "schema": {
          "type": "string"
        }
      },
      "format": {
        "name": "format",
        "in": "query",
        "required": false,
        "description": "json (a page, the default), csv (RFC 4180 with a header row) or ndjson (one record per line). Overrides Accept. CSV and NDJSON stream every match unless limit is given.",
        "schema": {
          "type": "string",
          "enum": [
            "json",
            "csv",
            "ndjson"
          ]
        }
      }
    },
    "responses": {
      "BadRequest": {
        "description": "Invalid query parameter",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "NotFound": {
        "description": "Unknown id",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "NotAcceptable": {
        "description": "The Accept header allows none of application/json, text/csv, application/x-ndjson",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "NotModified": {
        "description": "The representation matches If-None-Match",
        "headers": {
          "ETag": {
            "schema": {
              "type": "string"
            }
          },
          "Cache-Control": {
            "schema": {
              "type": "string"
            }
          }
        }
      }
    }
  }
}
"""#
}
