// One colour per PLOVER event type (CAMEO roots without a PLOVER type get a neutral grey):
// cooperation in blues and greens, verbal conflict in ambers and purples, material conflict in
// reds. Each is dark enough for white text on it (WCAG AA, 4.5:1).
const COLORS = {
  AGREE: '#1d6b3a', CONSULT: '#1d5d8a', SUPPORT: '#2b6e2b', CONCEDE: '#3f6b1e', COOPERATE: '#0f6a6a', AID: '#23628f',
  RETREAT: '#52617a', REQUEST: '#5a4b9a', DEMAND: '#7a3f98', DISAPPROVE: '#8a5300', ACCUSE: '#9a4a00',
  REJECT: '#8b3a62', THREATEN: '#a3361f', PROTEST: '#7d4a1a', MOBILIZE: '#a12f45', SANCTION: '#8f2b2b',
  COERCE: '#9b2226', ASSAULT: '#7f1d1d',
};

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
  return COLORS[code] ?? '#555f6b';
}
