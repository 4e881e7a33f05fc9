#!/usr/bin/env bash
# Builds and runs the real Dockerfile with podman on a machine without a registry or Docker engine.
#
# Local stand-ins for the two base images are assembled and tagged with their public names:
#   debian:bookworm-slim  a Debian bookworm rootfs from `debootstrap --variant=minbase`
#   swift:6.3-bookworm    the same plus this machine's Swift toolchain (/opt/swift) and git
# The build runs with --pull=never; Swift packages resolve through a read-only mount of the
# machine's package mirror (/opt/swift-packages) and a git insteadOf for https://github.com/.
# Then the image is run and checked: /health, /events, the non-root uid, the HEALTHCHECK command,
# and a clean exit on SIGTERM.
#   scripts/container-test.sh            (as root; installs podman and debootstrap if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
work=${CONTAINER_WORK:-/var/tmp/chronicle-container}
mkdir -p "$work"

need=()
for pkg in podman debootstrap runc uidmap; do dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg"); done
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi

# Settings known to work in this sandbox: vfs storage, runc, cgroupfs, generous ulimits.
cat > "$work/containers.conf" <<CONF
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
cat > "$work/storage.conf" <<CONF
[storage]
driver = "vfs"
runroot = "$work/run"
graphroot = "$work/storage"
CONF
export CONTAINERS_CONF="$work/containers.conf" CONTAINERS_STORAGE_CONF="$work/storage.conf"

mirror=http://deb.debian.org/debian
if ! podman image exists docker.io/library/debian:bookworm-slim; then
  echo "== debootstrap bookworm (minbase)"
  rm -rf "$work/rootfs"
  debootstrap --variant=minbase bookworm "$work/rootfs" "$mirror" >/dev/null
  rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb
  tar -C "$work/rootfs" -c . | podman import --change 'CMD ["bash"]' - docker.io/library/debian:bookworm-slim
fi
if ! podman image exists docker.io/library/swift:6.3-bookworm; then
  echo "== swift:6.3-bookworm stand-in (bookworm + /opt/swift)"
  mkdir -p "$work/swift-context"
  cat > "$work/swift-context/Containerfile" <<'SWIFT'
FROM docker.io/library/debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends \
      binutils git gnupg2 libc6-dev libcurl4-openssl-dev libedit2 libgcc-12-dev libncurses-dev libpython3-dev \
      libsqlite3-0 libstdc++-12-dev libxml2-dev libz3-dev pkg-config tzdata zlib1g-dev ca-certificates \
    && rm -rf /var/lib/apt/lists/*
COPY swift /usr
RUN git config --system url./opt/swift-packages/.insteadOf https://github.com/
SWIFT
  rm -rf "$work/swift-context/swift"
  cp -a /opt/swift/usr "$work/swift-context/swift"
  podman build --pull=never --network=host -t docker.io/library/swift:6.3-bookworm "$work/swift-context"
  rm -rf "$work/swift-context"
fi

echo "== podman build (the project's Dockerfile)"
# Docker format: the OCI image format has no HEALTHCHECK.
podman build --format docker --pull=never --network=host -v /opt/swift-packages:/opt/swift-packages:ro -t chronicle:test .

echo "== run"
podman rm -f chronicle-test >/dev/null 2>&1 || true
# No systemd here to time health checks: they are run by hand below.
podman run -d --name chronicle-test --network=host --health-interval=disable -e CHRONICLE_PORT=18180 \
  chronicle:test serve --host 0.0.0.0 --port 18180
for _ in $(seq 1 50); do curl -sf localhost:18180/health >/dev/null && break; sleep 0.2; done
failures=0
check() { if eval "$2"; then echo "ok   $1"; else echo "FAIL $1"; failures=$((failures + 1)); fi; }
check "/health answers 200" "curl -sf localhost:18180/health | grep -q ok"
check "/events serves the shipped data" "curl -sf localhost:18180/events | grep -q mali-withdraws-from-algiers-accords"
check "runs as uid 10001" "[ \"\$(podman exec chronicle-test sh -c 'id -u')\" = 10001 ]"
check "the image's HEALTHCHECK is the binary" "podman image inspect chronicle:test | tr -d ' \n' | grep -q '\"chronicle\",\"healthcheck\"'"
check "HEALTHCHECK passes (podman healthcheck run)" "podman healthcheck run chronicle-test"
check "binary links only libssl, libcrypto, libz and libc" "! podman run --rm --entrypoint ldd chronicle:test /usr/local/bin/chronicle | grep -vE 'linux-vdso|libssl|libcrypto|libz\\.so|libc\\.so|libm\\.so|ld-linux|libstdc|libgcc_s|libpthread|libdl|librt|libutil' | grep -q ."
podman kill --signal TERM chronicle-test >/dev/null
code=$(podman wait chronicle-test)
check "SIGTERM stops it with exit status 0 (got $code)" "[ '$code' = 0 ]"
podman logs chronicle-test 2>&1 | tail -3
podman rm -f chronicle-test >/dev/null
podman rmi -f chronicle:test >/dev/null 2>&1 || true
podman image prune -f >/dev/null 2>&1 || true  # vfs keeps a full copy per layer: give the disk back
echo "container test: $failures failed, $(( $(date +%s) - started )) s"
exit $failures
