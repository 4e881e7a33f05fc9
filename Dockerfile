# syntax=docker/dockerfile:1
# Chronicle: build with the official Swift image, run on the matching slim Debian.
ARG SWIFT_IMAGE=swift:6.3-bookworm
ARG RUNTIME_IMAGE=debian:bookworm-slim

FROM ${SWIFT_IMAGE} AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends libssl-dev zlib1g-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# One copy of the context (see .dockerignore) and one build step: each layer of a builder image this
# size costs gigabytes on copy-based storage drivers.
COPY . .
RUN swift build -c release --static-swift-stdlib --product chronicle \
    && install -D "$(swift build -c release --show-bin-path)/chronicle" /out/chronicle

FROM ${RUNTIME_IMAGE}
# Only what the binary links: libssl3 (libssl, libcrypto), zlib1g, and CA certificates.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libssl3 zlib1g ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin chronicle
WORKDIR /app
COPY --from=build /out/chronicle /usr/local/bin/chronicle
COPY Data ./Data
COPY Config ./Config
USER 10001:10001
ENV CHRONICLE_HOST=0.0.0.0
EXPOSE 8080
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 CMD ["chronicle", "healthcheck"]
ENTRYPOINT ["chronicle"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8080"]
