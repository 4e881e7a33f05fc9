// The Chronicle dashboard: filters bound to the API's parameters, a timeline, the list of events,
// the quotes of the view, a network of directed acts, and the source document with the cited
// words highlighted. Every piece of state is in the URL (state.js); every datum comes from the
// public API (api.js).
import { API } from './api.js';
import { h, clear } from './dom.js';
import { t, setLanguage, pickLanguage, pick, language, formatNumber } from './i18n.js';
import { readState, writeState, eventFilters, quoteFilters } from './state.js';
import { drawEvents, drawHistogram, legend, dayNumber, periodDays } from './timeline.js';
import { drawNetwork } from './network.js';
import { renderDocument } from './source.js';
import { typeColor } from './palette.js';

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

function navigate(changes, { replace = false, scope = 'all' } = {}) {
  state = { ...state, ...changes };
  const url = location.pathname + writeState(state);
  if (replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
  if (scope === 'all') refresh();
  else if (scope === 'list') refreshList();
  else if (scope === 'selection') showSelection(undefined, true);
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

async function ensureActors(ids, signal) {
  const missing = [...new Set(ids)].filter((id) => !actors.has(id)).slice(0, 40);
  await Promise.all(missing.map(async (id) => {
    try { actors.set(id, (await api.get('/actors/' + encodeURIComponent(id), [], signal)).data); } catch { /* shown by id */ }
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
  if (!error) { box.hidden = true; return; }
  box.textContent = t('error', { detail: error.message });
  box.hidden = false;
}

function showSource() {
  const banner = $('elsewhere');
  const elsewhere = requestedBase === null || api.base !== location.origin;
  if (requestedBase === null) banner.textContent = t('badApi', { api: state.api });
  else if (elsewhere) banner.textContent = t('elsewhere', { api: api.base });
  banner.hidden = !elsewhere;
}

function syncForm() {
  $('ui-language').value = language();
  $('type-select').value = state.type ?? '';
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
  $('api-host').textContent = api.base;
  $('openapi-link').href = api.url('/openapi.json');
  $('reset-zoom').hidden = !(state.from || state.to);
}

async function refresh() {
  controller?.abort();
  controller = new AbortController();
  const signal = controller.signal;
  document.body.dataset.ready = 'no';
  showProblem(null);
  syncForm();
  const filters = eventFilters(state);
  try {
    const months = api.get('/aggregate/events', [...filters, ['by', 'month'], ['limit', 10000]], signal);
    const pairs = api.get('/aggregate/events', [...filters, ['by', 'pair'], ['limit', 200]], signal);
    const list = refreshList(signal);
    const quotes = refreshQuotes(signal);
    await drawTimeline(await months, filters, signal);
    if (firstView) { performance.mark('chronicle:first-view'); firstView = false; }
    await Promise.all([list, quotes]);
    const edges = (await pairs).data;
    await ensureActors(edges.flatMap((e) => [e.source, e.target]), signal);
    const types = drawNetwork($('network'), { pairs: edges, name: actorName, onActor: (id) => {
      if (!state.actors.includes(id)) navigate({ actors: [...state.actors, id], offset: 0 });
    } });
    $('network-legend').replaceChildren(...types.map((code) => h('li', {}, h('span', { class: 'swatch', 'data-color': typeColor(code) }), code)));
    for (const swatch of $('network-legend').querySelectorAll('.swatch')) swatch.style.background = swatch.dataset.color;
    await showSelection(signal);
    syncForm();
    document.body.dataset.ready = 'yes';
  } catch (error) {
    if (error.name === 'AbortError') return;
    showProblem(error);
    document.body.dataset.ready = 'yes';
  }
}

async function drawTimeline(months, filters, signal) {
  const container = $('timeline');
  const total = months.meta.events;
  if (total === 0) {
    container.replaceChildren(h('p', { class: 'hint' }, t('noEvents')));
    $('timeline-summary').textContent = '';
    return;
  }
  const keys = months.data.map((b) => periodDays(b.key));
  let range = [Math.min(...keys.map((k) => k[0])), Math.max(...keys.map((k) => k[1]))];
  if (state.from) range[0] = periodDays(state.from)[0];
  if (state.to) range[1] = periodDays(state.to)[1];
  const onZoom = (from, to) => navigate({ from, to, offset: 0 });
  if (total <= DRAW_LIMIT) {
    const events = (await api.get('/events', [...filters, ['limit', DRAW_LIMIT]], signal)).data;
    if (!state.from && !state.to) {
      range = [Math.min(...events.map((e) => dayNumber(e.date_range.start))), Math.max(...events.map((e) => dayNumber(e.date_range.end)))];
      const pad = Math.max(2, Math.round((range[1] - range[0]) * 0.02));
      range = [range[0] - pad, range[1] + pad];
    }
    drawEvents(container, { events, range, selected: state.event, onSelect: (id) => openRecord('event', id), onZoom });
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
  drawHistogram(container, { buckets, unit, range, onZoom });
  $('timeline-legend').replaceChildren(h('li', {}, t('coarser')));
  // Events that overlap the period but began before it are counted where they began: say so.
  const earlier = buckets.filter((b) => periodDays(b.key)[1] < range[0]).reduce((n, b) => n + b.count, 0);
  $('timeline-summary').textContent = t('histogram', { total: formatNumber(total), unit: t('unit_' + unit) })
    + (earlier ? ' ' + t('earlier', { n: formatNumber(earlier) }) : '');
}

async function refreshList(signal) {
  const page = await api.get('/events', [...eventFilters(state), ['limit', PAGE], ['offset', state.offset]], signal);
  await actorsReady; // names in the interface language, where the first page of actors has them
  const list = $('event-list');
  if (page.data.length === 0) list.replaceChildren(h('li', { class: 'hint' }, t('noEvents')));
  else list.replaceChildren(...page.data.map(eventItem));
  const { total, offset, count } = page.meta;
  $('page-status').textContent = total ? t('page', { first: formatNumber(offset + 1), last: formatNumber(offset + count), total: formatNumber(total) }) : '';
  $('prev-page').disabled = page.links.prev === null;
  $('next-page').disabled = page.links.next === null;
}

function eventItem(event) {
  const title = pick(event.title);
  const code = event.type.plover?.code ?? 'CAMEO ' + event.type.cameo.code;
  const who = event.actors.filter((a) => a.role === 'source' || a.role === 'target')
    .map((a) => `${actorName(a.id, a.name)} (${t('role_' + a.role)})`).join(' · ');
  const chip = h('span', { class: 'type-chip', 'data-color': typeColor(event.type.plover?.code) }, code);
  chip.style.background = chip.dataset.color;
  return h('li', {}, h('button', { type: 'button', 'data-id': event.id, 'aria-current': state.event === event.id ? 'true' : null,
    onclick: () => openRecord('event', event.id) },
    h('span', { class: 'when' }, `${event.date} · ${t('certainty_' + event.certainty)}`),
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
      h('span', { class: 'who' }, `${quote.speaker ? actorName(quote.speaker.id, quote.speaker.name) : t('unknownActor')} · ${quote.date ?? ''}`)));
  }));
}

// MARK: The source panel

function openRecord(kind, id) {
  returnFocus = document.activeElement;
  navigate(kind === 'event' ? { event: id, quote: null } : { quote: id, event: null }, { scope: 'selection' });
}

function closeSource() {
  navigate({ event: null, quote: null }, { scope: 'selection' });
  returnFocus?.focus?.();
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
      documentID = event.sources[0]?.document;
      marks.push(...event.sources.filter((s) => s.document === documentID));
      contexts.push(...event.justification.filter((s) => s.document === documentID));
      $('record-detail').replaceChildren(...eventDetail(event));
    } else {
      const quote = (await api.get('/quotes/' + encodeURIComponent(state.quote), [], signal)).data;
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
      row(t('date'), `${event.date} · ${t('certainty_' + event.certainty)}`, event.date_note ? h('span', { class: 'note' }, ' — ' + event.date_note) : null),
      row(t('typeLabel'), `CAMEO ${event.type.cameo.code} ${event.type.cameo.label} · ${t('plover')} ${plover}`),
      row(t('actorsRoles'), event.actors.map((a) => `${actorName(a.id, a.name)} (${t('role_' + a.role)})`).join(' · ')),
      event.assertion?.note ? row(t('assertion'), event.assertion.note) : null),
    h('p', { class: 'note' }, t('cited'), ' ', event.justification.length ? t('contextNote') : ''),
  ];
}

function quoteDetail(quote) {
  const translations = Object.entries(quote.translation ?? {});
  return [
    h('blockquote', { lang: quote.language, dir: quote.language === 'ar' ? 'rtl' : 'ltr', class: 'quote-text' }, quote.text),
    h('dl', { class: 'meta' },
      h('dt', {}, t('speaker')), h('dd', {}, quote.speaker ? actorName(quote.speaker.id, quote.speaker.name) : t('unknownActor')),
      h('dt', {}, t('date')), h('dd', {}, quote.date ?? '—'),
      ...translations.flatMap(([lang, text]) => [h('dt', {}, `${t('translation')} (${lang})`), h('dd', { lang, dir: lang === 'ar' ? 'rtl' : 'ltr' }, text)])),
    quote.note ? h('p', { class: 'note' }, quote.note) : null,
    h('p', { class: 'note' }, t('cited')),
  ];
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
    type: $('type-select').value || null, from: $('from-input').value.trim() || null, to: $('to-input').value.trim() || null,
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
$('clear-filters').addEventListener('click', () => navigate({ actors: [], type: null, from: null, to: null, q: null, offset: 0 }));
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

async function loadActors() {
  const first = await api.get('/actors', [['limit', 500]]);
  for (const actor of first.data) actors.set(actor.id, actor);
  fillActorOptions();
  syncForm();
}

let actorsReady = Promise.resolve();

function boot() {
  setLanguage(pickLanguage(state.ui, navigator.languages));
  showSource();
  actorsReady = loadActors().catch(showProblem);
  refresh();
  loadTypes().catch(showProblem);
}

window.addEventListener('resize', () => { clearTimeout(window.chronicleResize); window.chronicleResize = setTimeout(refresh, 250); });
boot();
