// One colour per PLOVER event type, told apart by everyone: no two types, nor a type and the grey
// of CAMEO roots without a PLOVER type or the page's ink (a selected mark's outline), are closer
// than CIEDE2000 10 for typical colour vision, or under deuteranopia or protanopia as Machado,
// Oliveira and Fernandes (2009) simulate them, clamped into sRGB or not (the browser test computes
// every pair). The quad is in each colour twice: cooperation in hues from
// green through blue to violet (HSL hue 90-275 degrees), conflict in reds, oranges, browns and
// magentas (280-65); verbal
// types light (CIELAB lightness 46-62), material ones dark (10-42), as CAMEO's quad classes take
// them from the type's root (the codebook). Every colour stands at least 3:1 against the white page
// (WCAG's non-text contrast), and a chip's text is white or ink, whichever contrasts more. Found by
// `scripts/palette-search.py 13`.
export const TYPE_COLORS = {
  AGREE: '#0098f8', CONSULT: '#8880b0', SUPPORT: '#2068e8',
  COOPERATE: '#102000', AID: '#0000f8', CONCEDE: '#705888', RETREAT: '#406860',
  ACCUSE: '#807050', REQUEST: '#a06808', REJECT: '#a89078', THREATEN: '#c88800',
  PROTEST: '#803800', MOBILIZE: '#683838', COERCE: '#380040', SANCTION: '#682088', ASSAULT: '#583050',
};

/** Events whose CAMEO root has no PLOVER type, and network arrows of mixed types (drawn dashed). */
export const NO_TYPE_COLOR = '#8a8f96';

/** CAMEO's quad classes, in the API's order: cooperation in blues, conflict in oranges and reds,
 *  the material class of each darker than the verbal one, so lightness tells them apart where hue
 *  does not (red-green colour blindness). */
export const QUADS = [
  { name: 'verbal_cooperation', color: '#8fb3dc' },
  { name: 'material_cooperation', color: '#1d4e89' },
  { name: 'verbal_conflict', color: '#e9a55a' },
  { name: 'material_conflict', color: '#8f2b2b' },
];

export function typeColor(code) {
  return TYPE_COLORS[code] ?? NO_TYPE_COLOR;
}

const luminance = (hex) => {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

/** White or ink, whichever contrasts more with `hex` (WCAG's ratio). */
export function textOn(hex) {
  const l = luminance(hex), ink = luminance('#1b1b1b');
  return 1.05 / (l + 0.05) >= (l + 0.05) / (ink + 0.05) ? '#ffffff' : '#1b1b1b';
}
