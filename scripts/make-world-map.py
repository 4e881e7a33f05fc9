#!/usr/bin/env python3
"""Converts Natural Earth's 1:110m Admin 0 countries (public domain) into the dashboard's map,
Sources/ChronicleAPI/Dashboard/world.json: one SVG path per country, keyed by ISO 3166-1 alpha-3
(the codes `country=` takes), in an equirectangular projection (x = longitude + 180,
y = 90 - latitude, in degrees), simplified (Douglas-Peucker) and rounded to a tenth of a degree.
Run it once; its output is committed, so neither the build nor the browser fetches anything.

The shapes are read offline from a copy of the shapefile, e.g. the one geopandas 0.14 ships
(`pip download geopandas==0.14.4 --no-deps`, then unzip: geopandas/datasets/naturalearth_lowres/,
made from ne_110m_admin_0_countries with its ISO_A3 fixed where Natural Earth writes -99).

Usage: scripts/make-world-map.py PATH/TO/naturalearth_lowres.shp [--out FILE] [--tolerance DEG]
"""
import argparse, json, math, os, struct

parser = argparse.ArgumentParser()
parser.add_argument("shapefile")
parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "Sources", "ChronicleAPI", "Dashboard", "world.json"))
parser.add_argument("--tolerance", type=float, default=0.25)
args = parser.parse_args()


def read_dbf(path):
    """Rows of a dBASE III table as dictionaries of stripped strings."""
    with open(path, "rb") as f:
        data = f.read()
    count, header, record = struct.unpack("<IHH", data[4:12])
    fields, offset = [], 32
    while data[offset] != 0x0D:
        name = data[offset:offset + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, data[offset + 16]))
        offset += 32
    rows = []
    for i in range(count):
        start = header + i * record + 1  # the deletion flag
        row = {}
        for name, length in fields:
            row[name] = data[start:start + length].decode("utf-8", "replace").strip()
            start += length
        rows.append(row)
    return rows


def read_polygons(path):
    """Each record's rings, as lists of (longitude, latitude); shape types 5 (polygon) and 0 (null)."""
    with open(path, "rb") as f:
        data = f.read()
    offset, shapes = 100, []
    while offset < len(data):
        _, length = struct.unpack(">ii", data[offset:offset + 8])
        content = data[offset + 8:offset + 8 + 2 * length]
        offset += 8 + 2 * length
        (kind,) = struct.unpack("<i", content[:4])
        if kind == 0:
            shapes.append([])
            continue
        assert kind == 5, f"shape type {kind} is not a polygon"
        parts, points = struct.unpack("<ii", content[36:44])
        starts = list(struct.unpack(f"<{parts}i", content[44:44 + 4 * parts])) + [points]
        base = 44 + 4 * parts
        coordinates = [struct.unpack("<dd", content[base + 16 * i:base + 16 * i + 16]) for i in range(points)]
        shapes.append([coordinates[a:b] for a, b in zip(starts, starts[1:])])
    return shapes


def simplify(points, tolerance):
    """Douglas-Peucker, iteratively: keeps the ends and every point farther than `tolerance`."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = points[a], points[b]
        length = math.hypot(x2 - x1, y2 - y1)
        best, index = 0.0, None
        for i in range(a + 1, b):
            x, y = points[i]
            distance = (abs((x2 - x1) * (y1 - y) - (x1 - x) * (y2 - y1)) / length) if length else math.hypot(x - x1, y - y1)
            if distance > best:
                best, index = distance, i
        if index is not None and best > tolerance:
            keep[index] = True
            stack += [(a, index), (index, b)]
    return [p for p, k in zip(points, keep) if k]


def path(rings, tolerance):
    out = []
    for ring in rings:
        kept = simplify(ring, tolerance)
        projected = []
        for lon, lat in kept:
            point = (round(lon + 180, 1), round(90 - lat, 1))
            if not projected or projected[-1] != point:
                projected.append(point)
        if len(projected) < 4:  # an islet smaller than the tolerance
            continue
        out.append("M" + "L".join(f"{x:g},{y:g}" for x, y in projected[:-1]) + "Z")
    return "".join(out)


base = os.path.splitext(args.shapefile)[0]
rows, shapes = read_dbf(base + ".dbf"), read_polygons(base + ".shp")
assert len(rows) == len(shapes), (len(rows), len(shapes))
countries = []
for row, rings in zip(rows, shapes):
    code = row.get("iso_a3") or row.get("ISO_A3")
    d = path(rings, args.tolerance)
    if not code or code == "-99" or not d:
        continue
    countries.append({"id": code, "name": row.get("name") or row.get("NAME"), "d": d})
countries.sort(key=lambda c: c["id"])
document = {
    "source": "Natural Earth 1:110m Admin 0 countries (public domain), naturalearthdata.com",
    "projection": "equirectangular: x = longitude + 180, y = 90 - latitude, in degrees",
    "viewBox": [0, 0, 360, 180],
    "countries": countries,
}
with open(args.out, "w", encoding="utf-8") as f:
    json.dump(document, f, ensure_ascii=False, separators=(",", ":"))
    f.write("\n")
print(f"{len(countries)} countries, {os.path.getsize(args.out):,} bytes -> {args.out}")
