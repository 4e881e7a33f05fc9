# syntax=docker/dockerfile:1
# Chronicle: build with the official Swift image, run on the matching slim Debian.
ARG SWIFT_IMAGE=swift:6.3-bookworm
ARG RUNTIME_IMAGE=debian:bookworm-slim

FROM ${SWIFT_IMAGE} AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends libssl-dev zlib1g-dev pkg-config binutils \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# One copy of the context (see .dockerignore) and one build step: each layer of a builder image this
# size costs gigabytes on copy-based storage drivers. Package.resolved is in the context, so the
# image builds the dependency versions the tests ran with.
COPY . .
# The debug information goes to its own file (the debug-symbols stage below exports it for
# symbolicating crash reports); the runtime image gets the stripped binary, linked to it by name.
RUN swift build -c release --static-swift-stdlib --product chronicle \
    && bin="$(swift build -c release --show-bin-path)/chronicle" \
    && mkdir -p /out \
    && objcopy --only-keep-debug "$bin" /out/chronicle.debug \
    && objcopy --strip-all --add-gnu-debuglink=/out/chronicle.debug "$bin" /out/chronicle \
    && ls -l "$bin" /out/chronicle /out/chronicle.debug

# `podman build --target debug-symbols -o out/ .` (or docker buildx) writes chronicle.debug to out/.
FROM scratch AS debug-symbols
COPY --from=build /out/chronicle.debug /chronicle.debug

FROM ${RUNTIME_IMAGE}
# Only what the binary links: libssl3 (libssl, libcrypto), zlib1g, and CA certificates. The user
# has a group of the same id, so files it writes and `id` show a named group.
# apt's package caches (*.bin) go too: a base image without Debian's docker-clean settings keeps
# tens of megabytes of them in this layer otherwise.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libssl3 zlib1g ca-certificates \
    && apt-get clean \
    && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin \
    && groupadd --system --gid 10001 chronicle \
    && useradd --system --uid 10001 --gid 10001 --home-dir /app --shell /usr/sbin/nologin chronicle \
    && install -d -o 10001 -g 10001 /var/cache/chronicle \
    && install -d -o 10001 -g 10001 -m 0700 /app/index
WORKDIR /app
COPY --from=build /out/chronicle /usr/local/bin/chronicle
COPY Data ./Data
COPY Config ./Config
USER 10001:10001
# The data's index file, compiled here once (checked, indexed, checksummed): every container of
# this image, a new pod included, maps it and serves in about a second per million events instead
# of loading the files. Owned by the server's user, in a directory only it may write (the server
# refuses an index file anyone else could have changed). An image of other data (at /app/Data)
# runs this same step.
RUN chronicle index --data /app/Data --out /app/index/chronicle.index
# The port is a setting like any other: CHRONICLE_PORT, --port or the config file. Whichever is
# used, the server records the port it bound in the runtime file (in /tmp, which a read-only root
# needs as a tmpfs: podman gives one, Docker wants --tmpfs /tmp, Kubernetes an emptyDir), and
# `chronicle healthcheck` and `chronicle reload` read it from there.
# The server starts from the shipped index file when it matches the data; data that does not match it
# (a mounted directory) is loaded, and if that takes a second or more its index file is written to
# the snapshot directory, so a restart of the same container starts from it (Kubernetes mounts an
# emptyDir there).
ENV CHRONICLE_HOST=0.0.0.0 \
    CHRONICLE_PORT=8080 \
    CHRONICLE_RUNTIME_FILE=/tmp/chronicle.json \
    CHRONICLE_SNAPSHOT_DIRECTORY=/var/cache/chronicle \
    CHRONICLE_SNAPSHOT_SHIPPED=/app/index/chronicle.index
EXPOSE 8080 8443
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 CMD ["chronicle", "healthcheck"]
ENTRYPOINT ["chronicle"]
CMD ["serve"]
