// The Chronicle dashboard: filters bound to the API's parameters, a timeline, the list of events,
// the quotes of the view, a network of directed acts, and the source document with the cited
// words highlighted. Every piece of state is in the URL (state.js); every datum comes from the
// public API (api.js).
import { API, NetworkError, ProblemError } from './api.js';
import { h, clear } from './dom.js';
import { t, setLanguage, pickLanguage, pick, language, formatNumber } from './i18n.js';
import { readState, writeState, eventFilters, quoteFilters } from './state.js';
import { drawEvents, drawHistogram, legend, dayNumber, periodDays } from './timeline.js';
import { drawNetwork, MIXED } from './network.js';
import { drawMap, shade } from './map.js';
import { renderDocument } from './source.js';
import { typeColor, textOn, QUADS } from './palette.js';

const PAGE = 20;
const DRAW_LIMIT = 500;
const $ = (id) => document.getElementById(id);

let state = readState(location.search);
/** ?api= names another Chronicle: an http(s) origin only, and the page says so at the top. */
function apiBase(requested) {
  if (!requested) return location.origin;
  try {
    const url = new URL(requested);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin + url.pathname.replace(/\/+$/, '');
  } catch { /* not a URL */ }
  return null;
}
const requestedBase = apiBase(state.api);
const api = new API(requestedBase ?? location.origin);
const actors = new Map();
const documents = new Map();
let controller = null;
let firstView = true;
let returnFocus = null;

// MARK: Navigation

/** A request of one kind at a time: starting one aborts the one before, so a slow answer to an
 *  earlier page or an earlier selection can never be drawn over the current one. */
const latest = { list: null, selection: null };
function fresh(kind) {
  latest[kind]?.abort();
  latest[kind] = new AbortController();
  return latest[kind].signal;
}

function navigate(changes, { replace = false, scope = 'all' } = {}) {
  state = { ...state, ...changes };
  const url = location.pathname + writeState(state);
  if (replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
  if (scope === 'all') refresh();
  else if (scope === 'list') {
    const signal = fresh('list');
    panelState('list', { busy: true });
    refreshList(signal).then(() => panelState('list', { busy: false, stale: false }), (error) => {
      if (error.name === 'AbortError') return;
      panelState('list', { busy: false, stale: true });
      showProblem(error);
    });
  }
  else if (scope === 'selection') showSelection(fresh('selection'), true);
}

window.addEventListener('popstate', () => {
  state = readState(location.search);
  setLanguage(pickLanguage(state.ui, navigator.languages));
  refresh();
});

// MARK: Names

function actorName(id, fallback = id) {
  const actor = actors.get(id);
  return actor ? pick(actor.names).text : fallback;
}

/** The actor's short form where it has one (for the network's labels), else its name. */
function actorShortName(id) {
  return actors.get(id)?.short_forms?.[0] ?? actorName(id);
}

/** Names the actors not yet known, in batches of 50 (`/actors?id=…`), not a request each. */
async function ensureActors(ids, signal) {
  const missing = [...new Set(ids)].filter((id) => !actors.has(id));
  const batches = [];
  for (let i = 0; i < missing.length; i += 50) batches.push(missing.slice(i, i + 50));
  await Promise.all(batches.map(async (batch) => {
    const found = await api.get('/actors', [...batch.map((id) => ['id', id]), ['limit', 50]], signal);
    for (const actor of found.data) actors.set(actor.id, actor);
  }));
}

async function resolveActor(text) {
  const wanted = text.trim();
  if (!wanted) return null;
  const folded = wanted.toLocaleLowerCase();
  for (const actor of actors.values()) {
    const names = [actor.id, ...Object.values(actor.names ?? {}), ...(actor.aliases ?? []), ...(actor.short_forms ?? [])];
    if (names.some((n) => n.toLocaleLowerCase() === folded)) return actor.id;
  }
  try {
    const found = await api.get('/actors', [['q', wanted], ['limit', 1]]);
    if (found.data[0]) { actors.set(found.data[0].id, found.data[0]); return found.data[0].id; }
  } catch { /* reported below */ }
  return null;
}

// MARK: Rendering the view

function showProblem(error) {
  const box = $('problem');
  if (!error) { box.hidden = true; box.replaceChildren(); return; }
  if (error.name === 'AbortError') return;
  // No answer at all is not an answer that is a problem: say which, and offer to try again
  // where trying again can help (no answer, or the server's own failure).
  const unreachable = error instanceof NetworkError, answered = error instanceof ProblemError;
  const text = unreachable ? t('unreachable', { api: api.base })
    : answered ? t('error', { detail: error.message }) : t('failed', { detail: error.message });
  const retry = unreachable || !answered || (error.status ?? 0) >= 500
    ? h('button', { type: 'button', id: 'retry', class: 'secondary', onclick: () => refresh() }, t('retry')) : null;
  box.replaceChildren(h('span', {}, text), retry ? ' ' : null, retry);
  box.hidden = false;
}

// MARK: Panels: busy while they load, dimmed when what they show is not the current view's

const PANELS = {
  timeline: '.timeline-panel', list: '.events-panel', quotes: '.quotes-panel', network: '.network-panel', map: '.map-panel',
};

function panelState(name, { busy, stale }) {
  const panel = document.querySelector(PANELS[name]);
  if (!panel) return;
  let line = panel.querySelector('.panel-status');
  if (!line) {
    line = h('p', { class: 'panel-status' }); // aria-busy on the panel says it to assistive technology
    panel.querySelector('h2')?.after(line);
  }
  if (busy !== undefined) panel.setAttribute('aria-busy', busy ? 'true' : 'false');
  if (stale !== undefined) panel.classList.toggle('stale', stale);
  line.textContent = panel.getAttribute('aria-busy') === 'true' ? t('loading') : panel.classList.contains('stale') ? t('stale') : '';
}

function showSource() {
  const banner = $('elsewhere');
  const elsewhere = requestedBase === null || api.base !== location.origin;
  if (requestedBase === null) banner.textContent = t('badApi', { api: state.api });
  else if (elsewhere) banner.textContent = t('elsewhere', { api: api.base });
  banner.hidden = !elsewhere;
}

/** The filters fold away on a narrow screen; the toggle says how many are set. */
const narrow = window.matchMedia('(max-width: 40rem)');
function foldFilters(collapsed) {
  $('filters').classList.toggle('collapsed', collapsed);
  syncFilterToggle();
}

function syncFilterToggle() {
  const collapsed = $('filters').classList.contains('collapsed');
  const active = state.actors.length + ['type', 'certainty', 'country', 'document', 'from', 'to', 'q'].filter((name) => state[name]).length;
  const toggle = $('toggle-filters');
  toggle.setAttribute('aria-expanded', String(!collapsed));
  toggle.textContent = collapsed ? t('showFilters', { n: formatNumber(active) }) : t('hideFilters');
}

function syncForm() {
  syncFilterToggle();
  $('ui-language').value = language();
  $('type-select').value = state.type ?? '';
  $('certainty-select').value = state.certainty ?? '';
  $('document-select').value = state.document ?? '';
  $('country-select').value = state.country ?? '';
  $('from-input').value = state.from ?? '';
  $('to-input').value = state.to ?? '';
  $('q-input').value = state.q ?? '';
  $('actor-input').value = '';
  clear($('actor-chips')).append(...state.actors.map((id) => h('li', {},
    h('span', {}, actorName(id)),
    h('button', { type: 'button', class: 'secondary', 'aria-label': t('removeActor', { name: actorName(id) }),
      onclick: () => navigate({ actors: state.actors.filter((a) => a !== id), offset: 0 }) }, '×'))));
  const filters = eventFilters(state);
  $('export-csv').href = api.url('/events', [...filters, ['format', 'csv']]);
  $('export-ndjson').href = api.url('/events', [...filters, ['format', 'ndjson']]);
  $('quotes-csv').href = api.url('/quotes', [...quoteFilters(state), ['format', 'csv']]);
  $('quotes-ndjson').href = api.url('/quotes', [...quoteFilters(state), ['format', 'ndjson']]);
  $('quotes-unfiltered').hidden = !(state.certainty || state.country || state.document || state.type);
  $('api-host').textContent = api.base;
  $('openapi-link').href = api.url('/openapi.json');
  $('reset-zoom').hidden = !(state.from || state.to);
}

async function refresh() {
  controller?.abort();
  latest.list?.abort();
  latest.selection?.abort();
  controller = new AbortController();
  const signal = controller.signal;
  // A chart that had the keyboard's focus gets it back once redrawn (a zoom by Enter rebuilds it).
  const focusedChart = ['timeline', 'network', 'map'].find((id) => $(id).contains(document.activeElement));
  document.body.dataset.ready = 'no';
  showProblem(null);
  syncForm();
  const filters = eventFilters(state);
  // Each panel loads on its own: one that fails is dimmed and said, the others still show.
  const panels = {
    timeline: async () => {
      const months = await api.get('/aggregate/events', [...filters, ['by', 'month'], ['limit', 10000]], signal);
      await drawTimeline(months, filters, signal);
      if (firstView) { performance.mark('chronicle:first-view'); firstView = false; }
    },
    list: () => refreshList(signal),
    quotes: () => refreshQuotes(signal),
    network: () => refreshNetwork(filters, signal),
    map: () => refreshMap(filters, signal),
  };
  const names = Object.keys(panels);
  for (const name of names) panelState(name, { busy: true });
  const results = await Promise.allSettled(names.map(async (name) => {
    try {
      await panels[name]();
      panelState(name, { stale: false });
    } finally {
      if (!signal.aborted) panelState(name, { busy: false });
    }
  }));
  if (signal.aborted) return;
  const failed = names.filter((_, i) => results[i].status === 'rejected' && results[i].reason?.name !== 'AbortError');
  for (const name of failed) panelState(name, { stale: true });
  if (failed.length) showProblem(results[names.indexOf(failed[0])].reason);
  await showSelection(signal);
  syncForm();
  if (focusedChart && !$(focusedChart).contains(document.activeElement)) $(focusedChart).querySelector('[tabindex="0"]')?.focus();
  document.body.dataset.ready = 'yes';
}

async function refreshNetwork(filters, signal) {
  const edges = (await api.get('/aggregate/events', [...filters, ['by', 'pair'], ['limit', 200]], signal)).data;
  await ensureActors(edges.flatMap((e) => [e.source, e.target]), signal);
  redraw.network = () => drawNetwork($('network'), { pairs: edges, name: actorName, shortName: actorShortName, onActor: (id) => {
    if (!state.actors.includes(id)) navigate({ actors: [...state.actors, id], offset: 0 });
  } });
  const types = redraw.network();
  $('network-legend').replaceChildren(...types.map((code) => {
    const swatch = h('span', { class: code === MIXED ? 'swatch mixed' : 'swatch' });
    if (code !== MIXED) swatch.style.background = typeColor(code);
    return h('li', {}, swatch, code === MIXED ? t('mixed') : code);
  }));
}

async function refreshMap(filters, signal) {
  const counts = await api.get('/aggregate/events', [...filters, ['by', 'country'], ['limit', 10000]], signal);
  // Points for the events of a view small enough to list; the shading counts every event.
  const events = counts.meta.events <= DRAW_LIMIT
    ? (await api.get('/events', [...filters, ['limit', DRAW_LIMIT]], signal)).data : [];
  const drawn = await drawMap($('map'), {
    counts: counts.data, events, name: (text) => pick(text).text, signal,
    onCountry: (id) => navigate({ country: id, offset: 0 }),
  });
  if (!drawn) throw new DOMException('superseded', 'AbortError');
  const { max, unmapped } = drawn;
  const legend = [1, Math.ceil(max / 2), max].filter((n, i, all) => all.indexOf(n) === i).map((n) => {
    const swatch = h('span', { class: 'swatch' });
    swatch.style.background = shade(n, max);
    return h('li', {}, swatch, t(n === 1 ? 'mapCountOne' : 'mapCount', { n: formatNumber(n) }));
  });
  const point = h('span', { class: 'swatch place-swatch' });
  legend.push(h('li', {}, point, t('mapPoint')));
  if (unmapped.length) legend.push(h('li', { class: 'unmapped' }, t('unmapped', { n: formatNumber(unmapped.length), codes: unmapped.slice(0, 8).join(', ') + (unmapped.length > 8 ? ', …' : '') })));
  $('map-legend').replaceChildren(...legend);
}

/** How to draw the timeline and the network again from the data they last drew, without asking
 *  the server: a change of width redraws, it does not refetch. */
const redraw = { timeline: null, network: null };

async function drawTimeline(months, filters, signal) {
  const container = $('timeline');
  $('timeline-coarser').hidden = true;
  const total = months.meta.events;
  if (total === 0) {
    container.replaceChildren(h('p', { class: 'hint' }, t('noEvents')));
    $('timeline-summary').textContent = '';
    redraw.timeline = null;
    return;
  }
  const keys = months.data.map((b) => periodDays(b.key));
  let range = [Math.min(...keys.map((k) => k[0])), Math.max(...keys.map((k) => k[1]))];
  if (state.from) range[0] = periodDays(state.from)[0];
  if (state.to) range[1] = periodDays(state.to)[1];
  const onZoom = (from, to) => navigate({ from, to, offset: 0 });
  // Zoomed into days: a point per day-dated event, the coarser ones counted apart (drawn as bands,
  // each would cover the whole view).
  if ((state.from || state.to) && range[1] - range[0] < 120 && await drawDayEvents(container, filters, range, total, signal)) return;
  if (total <= DRAW_LIMIT) {
    const events = (await api.get('/events', [...filters, ['limit', DRAW_LIMIT]], signal)).data;
    if (!state.from && !state.to) {
      range = [Math.min(...events.map((e) => dayNumber(e.date_range.start))), Math.max(...events.map((e) => dayNumber(e.date_range.end)))];
      const pad = Math.max(2, Math.round((range[1] - range[0]) * 0.02));
      range = [range[0] - pad, range[1] + pad];
    }
    redraw.timeline = () => drawEvents(container, { events, range, selected: state.event, onSelect: (id) => openRecord('event', id), onZoom });
    redraw.timeline();
    legend($('timeline-legend'));
    $('timeline-summary').textContent = t('eventsShown', { total: formatNumber(total) });
    return;
  }
  let unit = 'month', buckets = months.data;
  if (range[1] - range[0] < 120) {
    unit = 'day';
    buckets = (await api.get('/aggregate/events', [...filters, ['by', 'day'], ['limit', 10000]], signal)).data;
  } else if (range[1] - range[0] > 60 * 365) {
    unit = 'year';
    buckets = (await api.get('/aggregate/events', [...filters, ['by', 'year'], ['limit', 10000]], signal)).data;
  }
  redraw.timeline = () => drawHistogram(container, { buckets, unit, range, onZoom });
  redraw.timeline();
  $('timeline-legend').replaceChildren(...QUADS.map((quad) => {
    const swatch = h('span', { class: 'swatch' });
    swatch.style.background = quad.color;
    return h('li', { 'data-quad': quad.name }, swatch, t('quad_' + quad.name));
  }), h('li', {}, t('coarser')));
  // Events that overlap the period but began before it are counted where they began: say so.
  const earlier = buckets.filter((b) => periodDays(b.key)[1] < range[0]).reduce((n, b) => n + b.count, 0);
  $('timeline-summary').textContent = t('histogram', { total: formatNumber(total), unit: t('unit_' + unit) })
    + (earlier ? ' ' + t('earlier', { n: formatNumber(earlier) }) : '');
}

/** A zoom of days: the events dated within the period (to a day, or an interval inside it) drawn
 *  one by one, when they fit, and those dated only to a month, a year or a longer interval (which
 *  would cover the whole view) counted in a strip, a row each. False when too many to draw. */
async function drawDayEvents(container, filters, range, total, signal) {
  const [days, intervals] = await Promise.all(['day', 'interval'].map((precision) =>
    api.get('/events', [...filters, ['precision', precision], ['limit', DRAW_LIMIT]], signal)));
  if (days.meta.total > DRAW_LIMIT || intervals.meta.total > DRAW_LIMIT) return false;
  const inside = intervals.data.filter((e) => dayNumber(e.date_range.start) >= range[0] && dayNumber(e.date_range.end) <= range[1]);
  const events = [...days.data, ...inside];
  const coarser = await Promise.all(['month', 'year'].map(async (precision) =>
    [precision, (await api.get('/events', [...filters, ['precision', precision], ['limit', 1]], signal)).meta.total]));
  coarser.push(['interval', intervals.meta.total - inside.length]);
  const onZoom = (from, to) => navigate({ from, to, offset: 0 });
  redraw.timeline = () => drawEvents(container, {
    events, range, selected: state.event, onSelect: (id) => openRecord('event', id), onZoom,
  });
  redraw.timeline();
  legend($('timeline-legend'), { bands: false });
  const strip = $('timeline-coarser');
  strip.replaceChildren(...coarser.filter(([, n]) => n > 0).map(([precision, n]) =>
    h('li', { 'data-precision': precision }, h('span', { class: 'precision' }, t('coarser_' + precision)), ' ',
      h('strong', {}, formatNumber(n)), ' ', t('coarserCount'))));
  strip.hidden = strip.childElementCount === 0;
  $('timeline-summary').textContent = t('dayEvents', { shown: formatNumber(events.length), total: formatNumber(total) });
  return true;
}

async function refreshList(signal) {
  const page = await api.get('/events', [...eventFilters(state), ['limit', PAGE], ['offset', state.offset]], signal);
  await actorsReady; // names in the interface language, where the first page of actors has them
  if (signal?.aborted) throw new DOMException('superseded', 'AbortError');
  const list = $('event-list');
  if (page.data.length === 0) list.replaceChildren(h('li', { class: 'hint' }, t('noEvents')));
  else list.replaceChildren(...page.data.map(eventItem));
  const { total, offset, count } = page.meta;
  $('page-status').textContent = total ? t('page', { first: formatNumber(offset + 1), last: formatNumber(offset + count), total: formatNumber(total) }) : '';
  $('prev-page').disabled = page.links.prev === null;
  $('next-page').disabled = page.links.next === null;
}

/** The assertion's flags (a disputed venue, …) as chips: caveats a reader must see with the act. */
function flagChips(event) {
  return (event.assertion?.flags ?? []).map((flag) => {
    const known = t('flag_' + flag);
    return h('span', { class: 'flag-chip', 'data-flag': flag }, known === 'flag_' + flag ? flag.replaceAll('_', ' ') : known);
  });
}

function eventItem(event) {
  const title = pick(event.title);
  const code = event.type.plover?.code ?? 'CAMEO ' + event.type.cameo.code;
  const who = event.actors.filter((a) => a.role === 'source' || a.role === 'target')
    .map((a) => `${actorName(a.id, a.name)} (${t('role_' + a.role)})`).join(' · ');
  const chip = h('span', { class: 'type-chip', 'data-color': typeColor(event.type.plover?.code) }, code);
  chip.style.background = chip.dataset.color;
  chip.style.color = textOn(chip.dataset.color);
  return h('li', {}, h('button', { type: 'button', 'data-id': event.id, 'aria-current': state.event === event.id ? 'true' : null,
    onclick: () => openRecord('event', event.id) },
    h('span', { class: 'when' }, h('bdi', { dir: 'ltr' }, event.date), ` · ${t('certainty_' + event.certainty)}`, ...flagChips(event)),
    h('span', { class: 'title', lang: title.lang, dir: 'auto' }, chip, title.text),
    who ? h('span', { class: 'who' }, who) : null));
}

async function refreshQuotes(signal) {
  const quotes = await api.get('/quotes', [...quoteFilters(state), ['limit', 30]], signal);
  await actorsReady;
  const list = $('quote-list');
  if (quotes.data.length === 0) { list.replaceChildren(h('li', { class: 'hint' }, t('noQuotes'))); return; }
  list.replaceChildren(...quotes.data.map((quote) => {
    const translation = quote.translation?.[language()];
    return h('li', {}, h('button', { type: 'button', 'data-id': quote.id, 'aria-current': state.quote === quote.id ? 'true' : null,
      onclick: () => openRecord('quote', quote.id) },
      h('blockquote', { lang: quote.language, dir: quote.language === 'ar' ? 'rtl' : 'ltr' }, quote.text),
      translation && translation !== quote.text ? h('span', { class: 'translation', lang: language() }, translation) : null,
      h('span', { class: 'who' }, `${quote.speaker ? actorName(quote.speaker.id, quote.speaker.name) : t('unknownActor')} · `,
        h('bdi', { dir: 'ltr' }, quote.date ?? ''))));
  }));
}

// MARK: The source panel

function openRecord(kind, id) {
  const active = document.activeElement;
  returnFocus = { element: active, id: active?.dataset?.id, chart: active?.closest?.('[id]')?.id };
  navigate(kind === 'event' ? { event: id, quote: null } : { quote: id, event: null }, { scope: 'selection' });
}

function closeSource() {
  navigate({ event: null, quote: null }, { scope: 'selection' });
  // The element that opened the source may have been redrawn meanwhile (the panel narrows the
  // charts): then its replacement, found by the record's id in the same place, takes the focus.
  let target = returnFocus?.element;
  if (target && !target.isConnected && returnFocus.id) {
    const scope = (returnFocus.chart && $(returnFocus.chart)) || document;
    target = scope.querySelector(`[data-id="${CSS.escape(returnFocus.id)}"]`);
  }
  target?.focus?.();
}

async function showSelection(signal, focus = false) {
  for (const button of document.querySelectorAll('.records button[data-id]')) {
    const current = button.closest('#event-list') ? state.event : state.quote;
    if (button.dataset.id === current) button.setAttribute('aria-current', 'true'); else button.removeAttribute('aria-current');
  }
  for (const mark of document.querySelectorAll('#timeline .mark')) mark.classList.toggle('selected', mark.dataset.id === state.event);
  const panel = $('source');
  if (!state.event && !state.quote) { panel.hidden = true; document.body.classList.remove('source-open'); return; }
  try {
    const marks = [], contexts = [];
    let documentID;
    if (state.event) {
      const event = (await api.get('/events/' + encodeURIComponent(state.event), [], signal)).data;
      if (signal?.aborted) return;
      documentID = event.sources[0]?.document;
      marks.push(...event.sources.filter((s) => s.document === documentID));
      contexts.push(...event.justification.filter((s) => s.document === documentID));
      $('record-detail').replaceChildren(...eventDetail(event));
    } else {
      const quote = (await api.get('/quotes/' + encodeURIComponent(state.quote), [], signal)).data;
      if (signal?.aborted) return;
      documentID = quote.source.document;
      marks.push(quote.source);
      $('record-detail').replaceChildren(...quoteDetail(quote));
    }
    if (!documents.has(documentID)) {
      const [meta, text] = await Promise.all([
        api.get('/documents/' + encodeURIComponent(documentID), [], signal),
        api.text('/documents/' + encodeURIComponent(documentID) + '/text', signal),
      ]);
      documents.set(documentID, { meta: meta.data, text });
    }
    if (signal?.aborted) return;
    const { meta, text } = documents.get(documentID);
    panel.hidden = false; // before drawing: a hidden panel cannot scroll its mark into view
    document.body.classList.add('source-open');
    showDocument(meta, text, marks, contexts);
    if (focus) $('source-heading').focus({ preventScroll: true });
  } catch (error) {
    if (error.name !== 'AbortError') showProblem(error);
  }
}

function eventDetail(event) {
  const title = pick(event.title), summary = pick(event.summary);
  const row = (term, ...value) => [h('dt', {}, term), h('dd', {}, ...value)];
  const plover = event.type.plover ? `${event.type.plover.code} (${event.type.plover.label})` : '—';
  return [
    h('h3', { lang: title.lang, dir: 'auto' }, title.text),
    h('p', { lang: summary.lang, dir: 'auto' }, summary.text),
    h('dl', { class: 'meta' },
      row(t('date'), h('bdi', { dir: 'ltr' }, event.date), ` · ${t('certainty_' + event.certainty)}`, event.date_note ? h('span', { class: 'note' }, ' — ' + event.date_note) : null),
      row(t('typeLabel'), `CAMEO ${event.type.cameo.code} ${event.type.cameo.label} · ${t('plover')} ${plover}`),
      row(t('actorsRoles'), event.actors.map((a) => `${actorName(a.id, a.name)} (${t('role_' + a.role)})`).join(' · ')),
      event.assertion ? row(t('assertion'),
        t('assertedBy_' + event.assertion.by, { actor: actorName(event.assertion.actor ?? '', event.assertion.actor ?? '') }), ...flagChips(event),
        event.assertion.note ? h('span', { class: 'note' }, ' — ' + event.assertion.note) : null) : null),
    h('p', { class: 'note' }, t('cited'), ' ', event.justification.length ? t('contextNote') : ''),
  ];
}

function quoteDetail(quote) {
  const translations = Object.entries(quote.translation ?? {});
  return [
    h('blockquote', { lang: quote.language, dir: quote.language === 'ar' ? 'rtl' : 'ltr', class: 'quote-text' }, quote.text),
    h('dl', { class: 'meta' },
      h('dt', {}, t('speaker')), h('dd', {}, quote.speaker ? actorName(quote.speaker.id, quote.speaker.name) : t('unknownActor')),
      h('dt', {}, t('date')), h('dd', {}, h('bdi', { dir: 'ltr' }, quote.date ?? '—')),
      ...translations.flatMap(([lang, text]) => [h('dt', {}, `${t('translation')} (${lang})`), h('dd', { lang, dir: lang === 'ar' ? 'rtl' : 'ltr' }, text)])),
    quote.note ? h('p', { class: 'note' }, quote.note) : null,
    h('p', { class: 'note' }, t('cited')),
  ];
}

/** A citation of a span a reader can check: the document, the code-point offsets, the text's digest. */
export function citation(meta, span) {
  return `Chronicle document ${meta.id}, code points [${span.start}, ${span.end}) of ${meta.length} `
    + `(counted from 0, end excluded), SHA-256 ${meta.sha256}`;
}

function citationRow(meta, span) {
  const text = citation(meta, span);
  const status = h('span', { class: 'copied', role: 'status' });
  const copy = async () => {
    try { await navigator.clipboard.writeText(text); status.textContent = t('copied'); } catch { status.textContent = t('copyFailed'); }
  };
  return h('dd', { class: 'cited-span' },
    h('span', {}, t('span', { start: formatNumber(span.start), end: formatNumber(span.end), n: formatNumber(meta.length) })), ' ',
    h('code', { class: 'citation', dir: 'ltr' }, text), ' ',
    h('button', { type: 'button', class: 'secondary copy-citation', onclick: copy }, t('copyCitation')), ' ', status);
}

function showDocument(meta, text, marks, contexts) {
  const title = pick(meta.title);
  const row = (term, value, attributes = {}) => [h('dt', {}, term), h('dd', attributes, value)];
  $('document-meta').replaceChildren(
    ...row(t('document'), title.text, { lang: title.lang, dir: 'auto' }),
    ...row(t('languages'), (meta.languages ?? []).join(', ')),
    ...row(t('published'), meta.published ?? '—'),
    ...row(t('length'), t('characters', { n: formatNumber(meta.length) })),
    ...row(t('digest'), h('code', {}, meta.sha256)),
    h('dt', {}, t('citedSpans')), ...marks.map((span) => citationRow(meta, span)),
  );
  const container = $('document-text');
  const primary = meta.languages?.[0] ?? 'und';
  container.lang = primary;
  container.dir = primary === 'ar' || primary === 'fa' || primary === 'he' ? 'rtl' : 'ltr';
  const elements = renderDocument(container, text, marks, contexts);
  elements[0]?.scrollIntoView({ block: 'center' });
}

// MARK: Controls

$('filters').addEventListener('submit', async (event) => {
  event.preventDefault();
  const pending = $('actor-input').value;
  const added = pending ? await resolveActor(pending) : null;
  navigate({
    actors: added && !state.actors.includes(added) ? [...state.actors, added] : state.actors,
    type: $('type-select').value || null, certainty: $('certainty-select').value || null,
    document: $('document-select').value || null, country: $('country-select').value || null, from: $('from-input').value.trim() || null, to: $('to-input').value.trim() || null,
    q: $('q-input').value.trim() || null, offset: 0,
  });
});
$('actor-input').addEventListener('change', async (event) => {
  const id = await resolveActor(event.target.value);
  if (id && !state.actors.includes(id)) navigate({ actors: [...state.actors, id], offset: 0 });
});
let suggestTimer = null;
$('actor-input').addEventListener('input', (event) => {
  clearTimeout(suggestTimer);
  const text = event.target.value.trim();
  if (text.length < 2) return;
  suggestTimer = setTimeout(async () => {
    try {
      const found = await api.get('/actors', [['q', text], ['limit', 20]]);
      for (const actor of found.data) actors.set(actor.id, actor);
      fillActorOptions();
    } catch { /* no suggestions for text the search refuses */ }
  }, 200);
});
$('clear-filters').addEventListener('click', () => navigate({
  actors: [], type: null, certainty: null, country: null, document: null, from: null, to: null, q: null, offset: 0,
}));
$('reset-zoom').addEventListener('click', () => navigate({ from: null, to: null, offset: 0 }));
$('prev-page').addEventListener('click', () => navigate({ offset: Math.max(0, state.offset - PAGE) }, { scope: 'list' }));
$('next-page').addEventListener('click', () => navigate({ offset: state.offset + PAGE }, { scope: 'list' }));
$('close-source').addEventListener('click', closeSource);
document.addEventListener('keydown', (event) => { if (event.key === 'Escape' && !$('source').hidden) closeSource(); });
$('ui-language').addEventListener('change', (event) => {
  setLanguage(event.target.value);
  showSource();
  fillActorOptions();
  navigate({ ui: event.target.value });
});

function fillActorOptions() {
  const options = [];
  for (const actor of actors.values()) {
    for (const name of new Set([pick(actor.names).text, ...Object.values(actor.names ?? {})])) options.push(h('option', { value: name }));
  }
  $('actor-options').replaceChildren(...options);
}

async function loadTypes() {
  const [plover, cameo] = await Promise.all([
    api.get('/aggregate/events', [['by', 'plover'], ['limit', 100]]), api.get('/aggregate/events', [['by', 'cameo'], ['limit', 100]]),
  ]);
  const select = $('type-select');
  const group = (label, buckets) => h('optgroup', { label }, buckets.filter((b) => !b.key.startsWith('CAMEO:'))
    .map((b) => h('option', { value: b.key }, `${b.key} — ${b.label ?? ''} (${formatNumber(b.count)})`)));
  select.replaceChildren(select.options[0], group(t('plover'), plover.data), group(t('cameo'), cameo.data));
  select.value = state.type ?? '';
}

/** The countries where events took place, with their counts (ISO 3166-1 alpha-3, as `country=` takes them). */
async function loadCountries() {
  const found = await api.get('/aggregate/events', [['by', 'country'], ['limit', 10000]]);
  const select = $('country-select');
  select.replaceChildren(select.options[0], ...found.data.map((b) =>
    h('option', { value: b.key }, `${b.key} (${formatNumber(b.count)})`)));
  select.value = state.country ?? '';
}

async function loadDocuments() {
  const found = await api.get('/documents', [['limit', 500]]);
  const select = $('document-select');
  select.replaceChildren(select.options[0], ...found.data.map((d) => h('option', { value: d.id }, `${pick(d.title).text} (${d.id})`)));
  select.value = state.document ?? '';
}

async function loadActors() {
  const first = await api.get('/actors', [['limit', 500]]);
  for (const actor of first.data) actors.set(actor.id, actor);
  fillActorOptions();
  syncForm();
}

let actorsReady = Promise.resolve();

$('toggle-filters').addEventListener('click', () => foldFilters(!$('filters').classList.contains('collapsed')));
narrow.addEventListener('change', (event) => foldFilters(event.matches));

function boot() {
  setLanguage(pickLanguage(state.ui, navigator.languages));
  foldFilters(narrow.matches);
  showSource();
  actorsReady = loadActors().catch(showProblem);
  refresh();
  loadTypes().catch(showProblem);
  loadDocuments().catch(showProblem);
  loadCountries().catch(showProblem);
}

// A change of width redraws what is drawn from the data it was drawn from; nothing is fetched.
const widths = new Map();
const resized = new ResizeObserver((entries) => {
  for (const entry of entries) {
    const width = Math.round(entry.contentRect.width);
    const name = entry.target.id;
    if (widths.has(name) && widths.get(name) !== width && width > 0) {
      const focused = entry.target.contains(document.activeElement) ? document.activeElement.dataset.id : null;
      try { redraw[name]?.(); } catch (error) { showProblem(error); }
      if (focused) entry.target.querySelector(`[data-id="${CSS.escape(focused)}"]`)?.focus({ preventScroll: true });
    }
    widths.set(name, width);
  }
});
resized.observe($('timeline'));
resized.observe($('network'));
boot();
