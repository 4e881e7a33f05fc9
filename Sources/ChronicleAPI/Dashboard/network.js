// Who does what to whom: the actors of the current view on a circle, with one arrow per directed
// pair (source → target) from /aggregate/events?by=pair, coloured by the pair's most frequent
// PLOVER type and thicker with more events. A → B and B → A bend to opposite sides.
import { s, activate } from './dom.js';
import { t, formatNumber } from './i18n.js';
import { typeColor } from './palette.js';

const MAX_NODES = 24;

export function drawNetwork(container, { pairs, name, onActor }) {
  const degree = new Map();
  for (const pair of pairs) {
    degree.set(pair.source, (degree.get(pair.source) ?? 0) + pair.count);
    degree.set(pair.target, (degree.get(pair.target) ?? 0) + pair.count);
  }
  const nodes = [...degree.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, MAX_NODES).map(([id]) => id);
  if (nodes.length === 0) {
    const p = document.createElement('p');
    p.className = 'hint';
    p.textContent = t('networkEmpty');
    container.replaceChildren(p);
    return [];
  }
  const width = Math.max(320, Math.min(container.clientWidth || 700, 900));
  const height = Math.min(520, Math.max(300, width * 0.62));
  const cx = width / 2, cy = height / 2, radius = Math.min(cx, cy) - 70;
  const position = new Map(nodes.map((id, i) => {
    const angle = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    return [id, { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle), angle }];
  }));
  const maxCount = Math.max(1, ...pairs.map((p) => p.count));
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-label': t('network'), direction: 'ltr' });
  const defs = s('defs');
  svg.append(defs);
  const types = new Set();
  const markers = new Map();
  const marker = (color) => {
    if (!markers.has(color)) {
      const id = 'arrow-' + color.slice(1);
      defs.append(s('marker', { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
        s('path', { d: 'M0,0 L10,5 L0,10 z', fill: color })));
      markers.set(color, id);
    }
    return markers.get(color);
  };
  for (const pair of pairs) {
    const a = position.get(pair.source), b = position.get(pair.target);
    if (!a || !b) continue;
    const [type] = Object.keys(pair.types ?? {});
    types.add(type);
    const color = typeColor(type);
    // A quadratic curve bent to the right of the direction of travel, stopping short of the node.
    const dx = b.x - a.x, dy = b.y - a.y, length = Math.hypot(dx, dy) || 1;
    const mx = (a.x + b.x) / 2 - (dy / length) * 30, my = (a.y + b.y) / 2 + (dx / length) * 30;
    const ex = b.x - ((b.x - mx) / Math.hypot(b.x - mx, b.y - my)) * 11, ey = b.y - ((b.y - my) / Math.hypot(b.x - mx, b.y - my)) * 11;
    const detail = Object.entries(pair.types ?? {}).map(([code, n]) => `${code} ${formatNumber(n)}`).join(', ');
    svg.append(s('path', {
      class: 'edge', d: `M${a.x},${a.y} Q${mx},${my} ${ex},${ey}`, fill: 'none', stroke: color,
      'stroke-width': 1.5 + 4 * Math.sqrt(pair.count / maxCount), 'marker-end': `url(#${marker(color)})`, 'stroke-opacity': 0.85,
      'data-source': pair.source, 'data-target': pair.target,
    }, s('title', {}, `${name(pair.source)} → ${name(pair.target)}: ${detail}`)));
  }
  for (const id of nodes) {
    const { x, y, angle } = position.get(id);
    const label = name(id);
    const outside = Math.cos(angle) >= 0 ? 'start' : 'end';
    svg.append(s('g', { class: 'node', tabindex: 0, role: 'button', 'data-id': id, 'aria-label': label, ...activate(() => onActor(id)) },
      s('circle', { cx: x, cy: y, r: 8, fill: '#ffffff', stroke: '#1b1f24', 'stroke-width': 1.5 }),
      s('text', { x: x + Math.cos(angle) * 13, y: y + Math.sin(angle) * 13 + 4, 'text-anchor': outside }, label),
      s('title', {}, `${label}: ${formatNumber(degree.get(id))} ${t('eventsIn')}`)));
  }
  container.replaceChildren(svg);
  return [...types].filter(Boolean);
}
