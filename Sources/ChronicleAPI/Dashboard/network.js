// Who does what to whom: the actors of the current view on a circle, with one arrow per directed
// pair (source → target) from /aggregate/events?by=pair. The actors are those of the strongest
// pairs, taken in order of their counts until MAX_NODES, so every actor drawn has an arrow. Each
// arrow takes the colour of the pair's most frequent type; a pair whose leading types tie is drawn
// dashed and grey, as "mixed", with its types in its title. Arrowheads keep one size whatever the
// stroke (userSpaceOnUse). Labels are short forms, the full name in a title, and the circle is
// sized from the measured labels so none is clipped. A → B and B → A bend to opposite sides.
import { s, activate, roving, caption } from './dom.js';
import { t, formatNumber } from './i18n.js';
import { typeColor, NO_TYPE_COLOR } from './palette.js';

const MAX_NODES = 24;
const MAX_EDGES = 60;
const LABEL_CHARACTERS = 22;
export const MIXED = 'mixed';

/** The pair's most frequent type, or MIXED when the leading types tie. */
export function leadingType(types) {
  const ranked = Object.entries(types ?? {}).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (ranked.length === 0) return null;
  if (ranked.length > 1 && ranked[1][1] === ranked[0][1]) return MIXED;
  return ranked[0][0];
}

/** The strongest pairs, and the actors they name, in order, up to the limits. */
function pick(pairs) {
  const ranked = [...pairs].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  const nodes = [], edges = [];
  for (const pair of ranked) {
    const missing = [pair.source, pair.target].filter((id, i, all) => !nodes.includes(id) && all.indexOf(id) === i);
    if (nodes.length + missing.length > MAX_NODES) continue;
    nodes.push(...missing);
    edges.push(pair);
    if (edges.length === MAX_EDGES) break;
  }
  return { nodes, edges };
}

function shortLabel(text) {
  const characters = [...text];
  return characters.length <= LABEL_CHARACTERS ? text : characters.slice(0, LABEL_CHARACTERS - 1).join('') + '…';
}

export function drawNetwork(container, { pairs, name, shortName = name, onActor }) {
  const { nodes, edges } = pick(pairs);
  if (nodes.length === 0) {
    const p = document.createElement('p');
    p.className = 'hint';
    p.textContent = t('networkEmpty');
    container.replaceChildren(p);
    return [];
  }
  const degree = new Map();
  for (const pair of edges) {
    degree.set(pair.source, (degree.get(pair.source) ?? 0) + pair.count);
    degree.set(pair.target, (degree.get(pair.target) ?? 0) + pair.count);
  }
  const width = Math.max(320, Math.min(container.clientWidth || 700, 900));
  const height = Math.min(520, Math.max(300, width * 0.62));
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-label': t('network'), direction: 'ltr' });
  container.replaceChildren(svg);
  // Measure the labels in place, then leave them room on every side.
  const labels = new Map(nodes.map((id) => [id, shortLabel(shortName(id))]));
  const probe = s('text', { class: 'probe' });
  svg.append(probe);
  let widest = 0;
  for (const label of labels.values()) {
    probe.textContent = label;
    widest = Math.max(widest, probe.getComputedTextLength());
  }
  probe.remove();
  const cx = width / 2, cy = height / 2;
  const radius = Math.max(60, Math.min(cx - widest - 22, cy - 40));
  const position = new Map(nodes.map((id, i) => {
    const angle = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    return [id, { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle), angle }];
  }));
  const maxCount = Math.max(1, ...edges.map((p) => p.count));
  const defs = s('defs');
  svg.append(defs);
  const types = new Set();
  const markers = new Map();
  const marker = (color) => {
    if (!markers.has(color)) {
      const id = 'arrow-' + color.slice(1);
      // In user space: the head is 9 px whatever the stroke's width.
      defs.append(s('marker', { id, viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 9, markerHeight: 9,
        markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' },
      s('path', { d: 'M0,0 L10,5 L0,10 z', fill: color })));
      markers.set(color, id);
    }
    return markers.get(color);
  };
  for (const pair of edges) {
    const a = position.get(pair.source), b = position.get(pair.target);
    const type = leadingType(pair.types);
    types.add(type);
    const color = type === MIXED ? NO_TYPE_COLOR : typeColor(type);
    // A quadratic curve bent to the right of the direction of travel, stopping at the node's rim.
    const dx = b.x - a.x, dy = b.y - a.y, length = Math.hypot(dx, dy) || 1;
    const mx = (a.x + b.x) / 2 - (dy / length) * 30, my = (a.y + b.y) / 2 + (dx / length) * 30;
    const towards = Math.hypot(b.x - mx, b.y - my) || 1;
    const ex = b.x - ((b.x - mx) / towards) * 10, ey = b.y - ((b.y - my) / towards) * 10;
    const detail = Object.entries(pair.types ?? {}).sort((x, y) => y[1] - x[1]).map(([code, n]) => `${code} ${formatNumber(n)}`).join(', ');
    svg.append(s('path', {
      class: 'edge', d: `M${a.x},${a.y} Q${mx},${my} ${ex},${ey}`, fill: 'none', stroke: color,
      'stroke-width': 1.5 + 4 * Math.sqrt(pair.count / maxCount), 'marker-end': `url(#${marker(color)})`,
      'stroke-dasharray': type === MIXED ? '5 3' : null,
      'data-source': pair.source, 'data-target': pair.target, 'data-type': type ?? '',
    }, s('title', {}, `${name(pair.source)} → ${name(pair.target)}: ${detail}${type === MIXED ? ` (${t('mixed')})` : ''}`)));
  }
  // Each actor's arrows, said in its label: assistive technology cannot follow the drawn lines.
  const arrows = new Map(nodes.map((id) => [id, []]));
  for (const pair of edges) {
    arrows.get(pair.source).push(`→ ${name(pair.target)} ${formatNumber(pair.count)}`);
    arrows.get(pair.target).push(`← ${name(pair.source)} ${formatNumber(pair.count)}`);
  }
  for (const id of nodes) {
    const { x, y, angle } = position.get(id);
    const full = name(id);
    const outside = Math.cos(angle) > 0.2 ? 'start' : Math.cos(angle) < -0.2 ? 'end' : 'middle';
    const lift = outside === 'middle' ? (Math.sin(angle) < 0 ? -6 : 14) : 4;
    const label = `${full}: ${arrows.get(id).join(', ')}`;
    svg.append(s('g', { class: 'node', tabindex: -1, role: 'button', 'data-id': id, 'aria-label': label, ...activate(() => onActor(id)) },
      s('circle', { cx: x, cy: y, r: 8, fill: '#ffffff', stroke: '#1b1f24', 'stroke-width': 1.5 }),
      s('text', { x: x + Math.cos(angle) * 13, y: y + Math.sin(angle) * 13 + lift, 'text-anchor': outside }, labels.get(id)),
      s('title', {}, `${full}: ${formatNumber(degree.get(id))} ${t('actsShown')}`)));
  }
  roving(svg, '.node', caption(container));
  return [...types].filter(Boolean);
}
