// Where events took place: the world's countries (Natural Earth 1:110m, public domain, embedded as
// world.json by scripts/make-world-map.py), each shaded by how many of the view's events took place
// there (/aggregate/events?by=country), and, when the view is small enough to list, a point for
// each event located at coordinates, its place's precision in its title. A country with events is
// a button that filters the view by it (country=). Codes the map has no shape for are listed.
import { s, activate, roving, caption } from './dom.js';
import { t, formatNumber } from './i18n.js';

const WORLD = './world.json';
const SHADES = ['#cfe0f1', '#9fc1e3', '#6a9bd0', '#3b73b3', '#1d4e89'];
let world = null;

/** The shapes, fetched once: every caller shares the one request (a failed one is asked again). */
function shapes() {
  world ??= fetch(new URL(WORLD, import.meta.url)).then((response) => {
    if (!response.ok) throw new Error(`world.json: HTTP ${response.status}`);
    return response.json();
  }).catch((error) => { world = null; throw error; });
  return world;
}

/** The shade of a country holding `count` of at most `max` events: five steps, darker with more. */
export function shade(count, max) {
  if (!count) return '#eef1f4';
  return SHADES[Math.min(SHADES.length - 1, Math.floor((count / max) * SHADES.length - 1e-9))];
}

/** Draws the map, or returns null without drawing when `signal` was aborted meanwhile. */
export async function drawMap(container, { counts, events, name, onCountry, signal }) {
  const { countries } = await shapes();
  if (signal?.aborted) return null;
  const byCountry = new Map(counts.map((bucket) => [bucket.key, bucket.count]));
  const max = Math.max(1, ...byCountry.values());
  // The inhabited latitudes (84° N to 60° S): Antarctica would take a third of the height.
  const svg = s('svg', { viewBox: '0 6 360 144', role: 'group', 'aria-label': t('map'), direction: 'ltr' });
  const known = new Set();
  for (const country of countries) {
    known.add(country.id);
    const count = byCountry.get(country.id) ?? 0;
    const label = `${country.name} (${country.id}): ${formatNumber(count)} ${t('eventsIn')}`;
    svg.append(s('path', {
      class: count ? 'country has-events' : 'country', d: country.d, fill: shade(count, max), 'data-id': country.id, 'data-count': count,
      ...(count ? { role: 'button', tabindex: -1, 'aria-label': label, ...activate(() => onCountry(country.id)) } : {}),
    }, s('title', {}, label)));
  }
  for (const event of events) {
    const at = event.location?.coordinates;
    if (!at) continue;
    const place = event.location.place ? name(event.location.place) : event.location.country ?? '';
    svg.append(s('circle', { class: 'place', cx: at.lon + 180, cy: 90 - at.lat, r: 1.8, 'data-id': event.id },
      s('title', {}, `${place}: ${event.location.precision ?? ''}`)));
  }
  container.replaceChildren(svg);
  roving(svg, '.country.has-events', caption(container));
  return { max, unmapped: [...byCountry.keys()].filter((code) => !known.has(code)) };
}
