// The source document with cited spans highlighted. The API gives spans as code-point offsets
// (end-exclusive); JavaScript strings index UTF-16 code units, so every offset is converted
// through a table built by walking the text one code point at a time: an emoji or another
// supplementary character before a span must not shift it.
import { h } from './dom.js';

/** utf16[i] is the UTF-16 offset of code point i; utf16[codePoints] is the string's length. */
export function codePointOffsets(text) {
  const offsets = [0];
  let unit = 0;
  for (const character of text) {
    unit += character.length;
    offsets.push(unit);
  }
  return offsets;
}

/**
 * Renders `text` into `container` with `marks` (the cited spans, as <mark>) and `contexts` (the
 * wider justification, shaded) given as {start, end} in code points. Marks win over contexts, and
 * a mark is never split by a context boundary, so each cited span is one <mark> whose text is
 * exactly the span's text. Returns the <mark> elements in document order.
 */
export function renderDocument(container, text, marks, contexts = []) {
  const utf16 = codePointOffsets(text);
  const length = utf16.length - 1;
  const clamp = (n) => Math.max(0, Math.min(length, n));
  const spans = marks.map((m, index) => ({ start: clamp(m.start), end: clamp(m.end), index }))
    .filter((m) => m.end > m.start).sort((a, b) => a.start - b.start);
  const slice = (a, b) => text.slice(utf16[a], utf16[b]);
  const nodes = [];
  const elements = [];

  function plain(a, b) {
    // Outside the marks: shaded where a context covers, plain elsewhere.
    const cuts = new Set([a, b]);
    for (const c of contexts) for (const x of [c.start, c.end]) if (x > a && x < b) cuts.add(x);
    const points = [...cuts].sort((x, y) => x - y);
    for (let i = 0; i + 1 < points.length; i++) {
      const [x, y] = [points[i], points[i + 1]];
      const shaded = contexts.some((c) => c.start <= x && c.end >= y);
      nodes.push(shaded ? h('span', { class: 'context' }, slice(x, y)) : document.createTextNode(slice(x, y)));
    }
  }

  let at = 0;
  for (const span of spans) {
    const start = Math.max(span.start, at);
    if (start >= span.end) continue; // wholly inside an earlier mark
    if (start > at) plain(at, start);
    const mark = h('mark', { 'data-span': span.index, 'data-start': span.start, 'data-end': span.end }, slice(start, span.end));
    nodes.push(mark);
    elements.push(mark);
    at = span.end;
  }
  if (at < length) plain(at, length);
  container.replaceChildren(...nodes);
  return elements;
}
