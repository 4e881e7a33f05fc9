// The timeline, drawn as SVG with honest dates: a day is a point, a month or a year a band of that
// width, an interval its span with end caps. Stated dates are filled, inferred ones hollow and
// dashed, dates known only from a relayed claim pale and dotted; the date note is in each mark's
// tooltip. Past a few hundred events the timeline draws the API's counts per period instead and
// zooms (drag, or select a bar) until the events themselves fit.
import { s, activate, roving, caption } from './dom.js';
import { t, pick, language, formatNumber, dateFormat } from './i18n.js';
import { typeColor, QUADS } from './palette.js';

const DAY = 86_400_000;
const LANE = 18;
const AXIS = 26;

export function dayNumber(iso) {
  const [y, m = 1, d = 1] = iso.split('-').map(Number);
  return Math.floor(Date.UTC(y, m - 1, d) / DAY);
}

export function isoDay(day) {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** The first and last day of a bucket key: "2015", "2024-09" or "2024-09-15". */
export function periodDays(key) {
  const [y, m, d] = key.split('-').map(Number);
  if (d) return [dayNumber(key), dayNumber(key)];
  if (m) return [Math.floor(Date.UTC(y, m - 1, 1) / DAY), Math.floor(Date.UTC(y, m, 1) / DAY) - 1];
  return [Math.floor(Date.UTC(y, 0, 1) / DAY), Math.floor(Date.UTC(y + 1, 0, 1) / DAY) - 1];
}

function scale(range, width, rtl) {
  const [d0, d1] = range;
  const span = Math.max(1, d1 + 1 - d0);
  const inner = width - 24;
  return (day) => {
    const x = 12 + ((day - d0) / span) * inner;
    return rtl ? width - x : x;
  };
}

function ticks(range) {
  const [d0, d1] = range;
  const first = new Date(d0 * DAY), last = new Date((d1 + 1) * DAY);
  const out = [];
  const spanDays = d1 - d0;
  if (spanDays > 3 * 365) {
    const years = last.getUTCFullYear() - first.getUTCFullYear();
    const step = Math.max(1, Math.ceil(years / 10));
    for (let y = Math.ceil(first.getUTCFullYear() / step) * step; y <= last.getUTCFullYear(); y += step) {
      out.push({ day: Math.floor(Date.UTC(y, 0, 1) / DAY), label: { year: 'numeric' } });
    }
  } else if (spanDays > 62) {
    const months = (last.getUTCFullYear() - first.getUTCFullYear()) * 12 + last.getUTCMonth() - first.getUTCMonth();
    const step = Math.max(1, Math.ceil(months / 8));
    let y = first.getUTCFullYear(), m = first.getUTCMonth() + 1;
    for (let i = 0; i <= months + 1; i++, m++) {
      if (m > 11) { m = 0; y++; }
      if (i % step === 0) out.push({ day: Math.floor(Date.UTC(y, m, 1) / DAY), label: { year: 'numeric', month: 'short' } });
    }
  } else {
    const step = Math.max(1, Math.ceil(spanDays / 8));
    for (let day = d0; day <= d1; day += step) out.push({ day, label: { month: 'short', day: 'numeric' } });
  }
  return out.filter((tick) => tick.day >= d0 && tick.day <= d1 + 1);
}

function axis(x, range, height, width) {
  const lang = language() === 'ar' ? 'ar-u-nu-latn' : language();
  const group = s('g', { class: 'axis', 'aria-hidden': 'true' });
  group.append(s('line', { x1: 0, x2: width, y1: height - AXIS, y2: height - AXIS }));
  for (const tick of ticks(range)) {
    const px = x(tick.day);
    group.append(s('line', { x1: px, x2: px, y1: 0, y2: height - AXIS + 4 }));
    const label = dateFormat(lang, { ...tick.label, timeZone: 'UTC' }).format(new Date(tick.day * DAY));
    // A label at an edge is anchored inward, so it is not cut by the chart's border.
    const anchor = px < 40 ? 'start' : px > width - 40 ? 'end' : 'middle';
    group.append(s('text', { x: Math.min(width - 2, Math.max(2, px)), y: height - 8, 'text-anchor': anchor }, label));
  }
  return group;
}

/** Drag across the chart to choose a period; a click (no drag) is left to the marks. */
function brush(svg, x, range, height, onZoom) {
  const toDay = (px) => {
    const a = x(range[0]), b = x(range[1] + 1);
    return Math.round(range[0] + ((px - a) / (b - a)) * (range[1] + 1 - range[0]));
  };
  const pointX = (event) => {
    const box = svg.getBoundingClientRect();
    return ((event.clientX - box.left) / box.width) * svg.viewBox.baseVal.width;
  };
  let start = null;
  const area = s('rect', { class: 'brush', y: 0, height: height - AXIS, width: 0, visibility: 'hidden' });
  svg.append(area);
  svg.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    start = pointX(event);
  });
  svg.addEventListener('pointermove', (event) => {
    if (start === null) return;
    const now = pointX(event);
    if (Math.abs(now - start) < 6) return;
    if (!svg.hasPointerCapture(event.pointerId)) svg.setPointerCapture(event.pointerId);
    area.setAttribute('x', Math.min(start, now));
    area.setAttribute('width', Math.abs(now - start));
    area.setAttribute('visibility', 'visible');
  });
  svg.addEventListener('pointerup', (event) => {
    if (start === null) return;
    const from = start, now = pointX(event);
    start = null;
    area.setAttribute('visibility', 'hidden');
    if (Math.abs(now - from) < 6) return;
    const [a, b] = [toDay(from), toDay(now)].sort((p, q) => p - q);
    onZoom(isoDay(Math.max(range[0], a)), isoDay(Math.min(range[1], Math.max(a, b - 1))));
  });
}

function markShape(event, x, y) {
  const color = typeColor(event.type?.plover?.code);
  const first = dayNumber(event.date_range.start), last = dayNumber(event.date_range.end);
  const style = {
    stated: { fill: color, stroke: color },
    inferred: { fill: '#ffffff', stroke: color, 'stroke-dasharray': '3 2', 'stroke-width': 2 },
    reported: { fill: color, 'fill-opacity': 0.35, stroke: color, 'stroke-dasharray': '1 2', 'stroke-width': 2 },
  }[event.certainty] ?? { fill: color, stroke: color };
  const precision = event.date_range.precision;
  if (precision === 'day') return [s('circle', { cx: x(first + 0.5), cy: y, r: 5.5, ...style })];
  const x0 = x(first), x1 = x(last + 1);
  const left = Math.min(x0, x1), width = Math.max(4, Math.abs(x1 - x0));
  if (precision === 'interval') {
    return [
      s('rect', { x: left, y: y - 3, width, height: 6, ...style }),
      s('line', { x1: left, x2: left, y1: y - 7, y2: y + 7, stroke: color, 'stroke-width': 2 }),
      s('line', { x1: left + width, x2: left + width, y1: y - 7, y2: y + 7, stroke: color, 'stroke-width': 2 }),
    ];
  }
  return [s('rect', { x: left, y: y - 6, width, height: 12, rx: 2, ...style })];
}

/** Individual events. `range` is [firstDay, lastDay]; marks outside it are clipped by the view. */
export function drawEvents(container, { events, range, selected, onSelect, onZoom }) {
  const width = Math.max(320, container.clientWidth || 900);
  const rtl = document.documentElement.dir === 'rtl';
  const x = scale(range, width, rtl);
  // Lanes: each event goes to the first lane free at its start, so no two marks overlap. Packed in
  // reading time (left to right), then drawn mirrored under rtl: packing on mirrored x would sweep
  // against the sort order and open lanes it does not need.
  const forward = rtl ? scale(range, width, false) : x;
  const ends = [];
  const placed = [...events].sort((a, b) => dayNumber(a.date_range.start) - dayNumber(b.date_range.start)).map((event) => {
    const a = forward(dayNumber(event.date_range.start)), b = forward(dayNumber(event.date_range.end) + 1);
    const [lo, hi] = [Math.min(a, b) - 6, Math.max(a, b, Math.min(a, b) + 12) + 4];
    let lane = ends.findIndex((end) => end < lo);
    if (lane === -1) { lane = ends.length < 40 ? ends.length : ends.length - 1; ends[lane] = -Infinity; }
    ends[lane] = Math.max(ends[lane], hi);
    return { event, lane };
  });
  const height = Math.max(1, ends.length) * LANE + 16 + AXIS;
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-label': t('timeline') });
  svg.append(axis(x, range, height, width));
  for (const { event, lane } of placed) {
    const title = pick(event.title).text;
    const note = [event.date, t('certainty_' + event.certainty), event.date_note].filter(Boolean).join(' — ');
    const group = s('g', {
      class: 'mark' + (event.id === selected ? ' selected' : ''), tabindex: -1, role: 'button',
      'data-id': event.id, 'data-precision': event.date_range.precision, 'data-certainty': event.certainty,
      'aria-label': `${event.date}: ${title}`, ...activate(() => onSelect(event.id)),
    }, markShape(event, x, 12 + lane * LANE), s('title', {}, `${title}\n${note}`));
    svg.append(group);
  }
  brush(svg, x, range, height, onZoom);
  container.replaceChildren(svg);
  roving(svg, '.mark', caption(container));
}

/** Counts per period from /aggregate/events: bars for periods of the chosen unit, and a strip for
 *  events dated only to a coarser period, drawn across that whole period. */
export function drawHistogram(container, { buckets, unit, range, onZoom }) {
  const width = Math.max(320, container.clientWidth || 900);
  const rtl = document.documentElement.dir === 'rtl';
  const x = scale(range, width, rtl);
  const fine = buckets.filter((b) => b.precision === unit);
  const coarse = buckets.filter((b) => b.precision !== unit);
  const barHeight = 150, strip = coarse.length ? 22 : 0;
  const height = barHeight + strip + 10 + AXIS;
  const max = Math.max(1, ...fine.map((b) => b.count));
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-label': t('timeline') });
  svg.append(axis(x, range, height, width));
  const zoomTo = (key) => () => { const [a, b] = periodDays(key); onZoom(isoDay(a), isoDay(b)); };
  for (const bucket of fine) {
    const [a, b] = periodDays(bucket.key);
    const x0 = x(a), x1 = x(b + 1), h = Math.max(1, (bucket.count / max) * barHeight);
    const quads = QUADS.map((quad) => bucket.quads?.[quad.name] ?? 0);
    const label = `${bucket.key}: ${formatNumber(bucket.count)} ${t('eventsIn')} (`
      + QUADS.map((quad, i) => `${t('quad_' + quad.name)} ${formatNumber(quads[i])}`).join(', ') + ')';
    const left = Math.min(x0, x1), barWidth = Math.max(1, Math.abs(x1 - x0) - 0.5);
    // Stacked by quad class, from the baseline up: material conflict, verbal conflict, material
    // cooperation, verbal cooperation (ACLED's bars stack their event types the same way).
    let top = 6 + barHeight;
    for (const i of [3, 2, 1, 0]) {
      const part = (quads[i] / max) * barHeight;
      if (part <= 0) continue;
      top -= part;
      svg.append(s('rect', {
        class: 'segment', x: left, width: barWidth, y: top, height: part, fill: QUADS[i].color,
        'data-quad': QUADS[i].name, 'data-count': quads[i], 'aria-hidden': 'true',
      }));
    }
    svg.append(s('rect', {
      class: 'bar', x: left, width: barWidth, y: 6 + barHeight - h, height: h, fill: 'transparent',
      'data-key': bucket.key, role: 'button', 'aria-label': label, ...activate(zoomTo(bucket.key)),
    }, s('title', {}, label)));
  }
  for (const bucket of coarse) {
    const [a, b] = periodDays(bucket.key);
    const x0 = x(Math.max(a, range[0])), x1 = x(Math.min(b, range[1]) + 1);
    const label = `${bucket.key}: ${formatNumber(bucket.count)} ${t('eventsIn')}`;
    svg.append(s('rect', {
      class: 'bar coarse', x: Math.min(x0, x1), width: Math.max(1, Math.abs(x1 - x0) - 1), y: barHeight + 10, height: 16,
      fill: '#c4cad1', 'data-key': bucket.key, role: 'button', 'aria-label': label, ...activate(zoomTo(bucket.key)),
    }, s('title', {}, label)));
  }
  svg.append(countAxis(max, barHeight, width));
  brush(svg, x, range, height, onZoom);
  container.replaceChildren(svg);
  roving(svg, '.bar', caption(container));
}

/** The bars' scale: lines at a half and the whole of the largest count, labelled, at the start edge. */
function countAxis(max, barHeight, width) {
  const rtl = document.documentElement.dir === 'rtl';
  const group = s('g', { class: 'count-axis', 'aria-hidden': 'true' });
  for (const share of [0.5, 1]) {
    const y = 6 + barHeight - share * barHeight;
    group.append(s('line', { x1: 0, x2: width, y1: y, y2: y }));
    group.append(s('text', { x: rtl ? width - 4 : 4, y: y + 12, 'text-anchor': rtl ? 'end' : 'start' },
      formatNumber(Math.round(share * max))));
  }
  return group;
}

/** The legend for individual events: date shapes and certainty styles. */
export function legend(list, { bands = true } = {}) {
  const item = (shape, text) => {
    const li = document.createElement('li');
    li.append(s('svg', { width: 22, height: 14, 'aria-hidden': 'true' }, shape), text);
    return li;
  };
  const c = '#1d4e89';
  // replaceChildren writes a null as the text "null": the items left out are filtered first.
  list.replaceChildren(...[
    item(s('circle', { cx: 11, cy: 7, r: 5, fill: c }), t('precision_day')),
    bands ? item(s('rect', { x: 1, y: 1, width: 20, height: 12, rx: 2, fill: c }), t('precision_month') + ' / ' + t('precision_year')) : null,
    item([s('rect', { x: 2, y: 5, width: 18, height: 4, fill: c }), s('line', { x1: 2, x2: 2, y1: 0, y2: 14, stroke: c, 'stroke-width': 2 }), s('line', { x1: 20, x2: 20, y1: 0, y2: 14, stroke: c, 'stroke-width': 2 })], t('precision_interval')),
    item(s('circle', { cx: 11, cy: 7, r: 5, fill: c }), t('certainty_stated')),
    item(s('circle', { cx: 11, cy: 7, r: 5, fill: '#fff', stroke: c, 'stroke-width': 2, 'stroke-dasharray': '3 2' }), t('certainty_inferred')),
    item(s('circle', { cx: 11, cy: 7, r: 5, fill: c, 'fill-opacity': 0.35, stroke: c, 'stroke-width': 2, 'stroke-dasharray': '1 2' }), t('certainty_reported')),
  ].filter(Boolean));
}
