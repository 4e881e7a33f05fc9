// Element builders: h() for HTML, s() for SVG. Attributes whose value is null or false are left
// out; "on…" attributes become listeners; children may be strings, nodes, arrays or null.
const SVG = 'http://www.w3.org/2000/svg';

function build(element, attributes, children) {
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'text') element.textContent = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : String(child));
  }
}

export function h(tag, attributes, ...children) {
  return build(document.createElement(tag), attributes, children);
}

export function s(tag, attributes, ...children) {
  return build(document.createElementNS(SVG, tag), attributes, children);
}

export function clear(element) {
  while (element.firstChild) element.firstChild.remove();
  return element;
}

/** Activates on click and on Enter or Space, as a button does. */
export function activate(handler) {
  return {
    onclick: handler,
    onkeydown: (event) => {
      if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); handler(event); }
    },
  };
}

/**
 * One tab stop for a group of many marks (a roving tabindex): Tab enters the group at the current
 * mark, the arrow keys move within it (in reading order, so mirrored under dir="rtl"), Home and End
 * go to the ends, and Tab leaves it. The focused mark's label is written into `caption`, so a mark
 * reached by keyboard says what it is without a pointer hovering over it.
 */
export function roving(container, selector, caption) {
  const items = [...container.querySelectorAll(selector)];
  if (items.length === 0) { if (caption) caption.textContent = ''; return; }
  const current = items.find((item) => item.classList.contains('selected')) ?? items[0];
  for (const item of items) item.setAttribute('tabindex', item === current ? '0' : '-1');
  container.addEventListener('focusin', (event) => {
    const item = event.target.closest?.(selector);
    if (!item) return;
    for (const other of items) other.setAttribute('tabindex', other === item ? '0' : '-1');
    if (caption) caption.textContent = item.getAttribute('aria-label') ?? '';
  });
  container.addEventListener('focusout', (event) => {
    if (caption && !container.contains(event.relatedTarget)) caption.textContent = '';
  });
  container.addEventListener('keydown', (event) => {
    const index = items.indexOf(event.target.closest?.(selector));
    if (index === -1) return;
    const rtl = getComputedStyle(container).direction === 'rtl' || document.documentElement.dir === 'rtl';
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight', back = rtl ? 'ArrowRight' : 'ArrowLeft';
    let next = null;
    if (event.key === forward || event.key === 'ArrowDown') next = Math.min(items.length - 1, index + 1);
    else if (event.key === back || event.key === 'ArrowUp') next = Math.max(0, index - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    if (next === null) return;
    event.preventDefault();
    items[next].focus();
  });
}

/** The line under a chart that names its focused mark (made once, after the chart's container). */
export function caption(container) {
  let line = container.parentElement?.querySelector(':scope > .caption');
  if (!line) {
    // Not a live region: the focused mark's own label is announced with the focus.
    line = h('p', { class: 'caption', 'aria-hidden': 'true' });
    container.after(line);
  }
  return line;
}
