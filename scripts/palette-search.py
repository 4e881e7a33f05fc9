#!/usr/bin/env python3
"""The search that chose the dashboard's type colours (Sources/ChronicleAPI/Dashboard/palette.js).

Each PLOVER type takes a colour from its CAMEO quad class's region of sRGB (cooperation: HSL hues
90-275 degrees; conflict: 280-65; verbal: CIELAB lightness 46-62; material: 10-42; at least 3:1
against white, and 4.5:1 with white or ink text; saturation at least 0.2), and coordinate ascent maximizes the least CIEDE2000
between any two colours, the neutral grey and the page's ink included, over typical vision, deuteranopia and
protanopia (Tests/Browser/colour.py). The palette in palette.js is `palette-search.py 13` (its
least distance 11.64). A few minutes on one core.

Usage: scripts/palette-search.py [SEED]
"""
import colorsys, itertools, os, random, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Browser"))
import colour  # noqa: E402

random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
# By CAMEO root, from Sources/ChronicleRecords/Resources/cameo-plover.tsv.
GROUPS = {
    "verbal_cooperation": ["AGREE", "CONSULT", "SUPPORT"],
    "material_cooperation": ["COOPERATE", "AID", "CONCEDE", "RETREAT"],
    "verbal_conflict": ["ACCUSE", "REQUEST", "REJECT", "THREATEN"],
    "material_conflict": ["PROTEST", "MOBILIZE", "COERCE", "SANCTION", "ASSAULT"],
}
GREY = "#8a8f96"
# The page's ink: a selected mark's outline and the network's node outlines are drawn in it.
INK = "#1b1f24"
FIXED = [GREY, INK]
STEP = 8


def allowed(group, hue, lightness):
    if group.endswith("cooperation") and not 90 <= hue <= 275:
        return False
    if group.endswith("conflict") and not (hue <= 65 or hue >= 280):
        return False
    return 46 <= lightness <= 62 if group.startswith("verbal") else 10 <= lightness <= 42


candidates = {group: [] for group in GROUPS}
for r, g, b in itertools.product(range(0, 256, STEP), repeat=3):
    hex_colour = "#%02x%02x%02x" % (r, g, b)
    hue, _, saturation = colorsys.rgb_to_hls(r / 255, g / 255, b / 255)
    if saturation < 0.2 or colour.contrast(hex_colour, "#ffffff") < 3:
        continue
    # A chip's label, white or ink, must reach 4.5:1 on it.
    if max(colour.contrast(hex_colour, "#ffffff"), colour.contrast(hex_colour, "#1b1b1b")) < 4.5:
        continue
    lightness = colour.lightness(hex_colour)
    for group in GROUPS:
        if allowed(group, hue * 360, lightness):
            candidates[group].append(hex_colour)

# Each vision's simulation, clamped into sRGB's gamut and not: a pair counts at its smaller distance.
SIMULATIONS = [(v, clamp) for v in colour.VISIONS for clamp in (True, False)]
labs = {c: [colour.lab(colour.seen(c, v, clamp)) for v, clamp in SIMULATIONS] for c in set(sum(candidates.values(), [])) | set(FIXED)}


def distance(a, b):
    return min(colour.ciede2000(labs[a][i], labs[b][i]) for i in range(len(SIMULATIONS)))


types = [(code, group) for group, codes in GROUPS.items() for code in codes]
chosen = {code: random.choice(candidates[group]) for code, group in types}
for round_number in range(8):
    for code, group in types:
        others = [c for k, c in chosen.items() if k != code] + FIXED
        chosen[code] = max(candidates[group], key=lambda c: min(distance(c, o) for o in others))
    least = min(distance(a, b) for a, b in itertools.combinations(list(chosen.values()) + FIXED, 2))
    print(f"round {round_number}: least CIEDE2000 {least:.2f}", flush=True)
print(chosen)
