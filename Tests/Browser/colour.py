"""Colour distance as a reader with colour-vision deficiency sees it, for the dashboard's palette check.

CIEDE2000 (CIE 142-2001; Sharma, Wu and Dalal 2005) between CIELAB colours (sRGB, D65), after
simulating deuteranopia and protanopia with the matrices of Machado, Oliveira and Fernandes (2009)
at severity 1.0, applied to linear RGB.
"""
import math

MACHADO_2009 = {
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
}
VISIONS = (None, "deuteranopia", "protanopia")


def rgb(hex_colour):
    """'#1d6b3a' or 'rgb(29, 107, 58)' -> (29, 107, 58)."""
    text = hex_colour.strip()
    if text.startswith("#"):
        return tuple(int(text[i:i + 2], 16) for i in (1, 3, 5))
    return tuple(int(float(part)) for part in text[text.index("(") + 1:text.index(")")].split(",")[:3])


def linear(channel):
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def seen(colour, vision, clamp=True):
    """Linear RGB of `colour` as seen with `vision` (None: typical colour vision). A simulated
    colour outside sRGB's gamut is clamped into it, as a screen shows it, unless `clamp` is False."""
    values = [linear(c) for c in rgb(colour)]
    if vision is None:
        return values
    matrix = MACHADO_2009[vision]
    mixed = [sum(matrix[i][j] * values[j] for j in range(3)) for i in range(3)]
    return [min(1.0, max(0.0, v)) for v in mixed] if clamp else mixed


def lab(linear_rgb):
    r, g, b = linear_rgb
    # A negative value (an unclamped simulation) takes the linear segment of f, never a root.
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t):
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def ciede2000(lab1, lab2):
    l1, a1, b1 = lab1
    l2, a2, b2 = lab2
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean ** 7 / (c_mean ** 7 + 25 ** 7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360
    h2p = math.degrees(math.atan2(b2, a2p)) % 360
    dl, dc = l2 - l1, c2p - c1p
    dh = 0.0 if c1p * c2p == 0 else h2p - h1p
    if dh > 180:
        dh -= 360
    elif dh < -180:
        dh += 360
    dH = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    l_mean, cp_mean = (l1 + l2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_mean = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_mean = (h1p + h2p) / 2
    else:
        h_mean = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(h_mean - 30)) + 0.24 * math.cos(math.radians(2 * h_mean))
         + 0.32 * math.cos(math.radians(3 * h_mean + 6)) - 0.20 * math.cos(math.radians(4 * h_mean - 63)))
    theta = 30 * math.exp(-(((h_mean - 275) / 25) ** 2))
    rc = 2 * math.sqrt(cp_mean ** 7 / (cp_mean ** 7 + 25 ** 7))
    sl = 1 + 0.015 * (l_mean - 50) ** 2 / math.sqrt(20 + (l_mean - 50) ** 2)
    sc, sh = 1 + 0.045 * cp_mean, 1 + 0.015 * cp_mean * t
    rt = -math.sin(math.radians(2 * theta)) * rc
    return math.sqrt((dl / sl) ** 2 + (dc / sc) ** 2 + (dH / sh) ** 2 + rt * (dc / sc) * (dH / sh))


def distance(colour1, colour2, vision=None):
    """The smaller CIEDE2000 of the two simulations, clamped into the gamut and not."""
    return min(ciede2000(lab(seen(colour1, vision, clamp)), lab(seen(colour2, vision, clamp))) for clamp in (True, False))


def lightness(colour):
    return lab(seen(colour, None))[0]


def luminance(colour):
    r, g, b = (linear(c) for c in rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(colour1, colour2):
    """WCAG 2 contrast ratio."""
    high, low = sorted((luminance(colour1), luminance(colour2)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def closest_pairs(colours, vision, below):
    """Pairs of named colours closer than `below` under `vision`, closest first."""
    names = sorted(colours)
    pairs = [(distance(colours[a], colours[b], vision), a, b) for i, a in enumerate(names) for b in names[i + 1:]]
    return sorted(pair for pair in pairs if pair[0] < below)
