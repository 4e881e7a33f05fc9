// The whole view lives in the page's URL, so a view can be shared, bookmarked and reloaded:
// filters under the API's own parameter names (actor, type, certainty, country, document, from, to, q), the list page (offset),
// the open event or quote, the interface language (ui) and the API base (api).
const SINGLE = ['type', 'certainty', 'country', 'document', 'from', 'to', 'q', 'offset', 'event', 'quote', 'ui', 'api'];

export function readState(search) {
  const query = new URLSearchParams(search);
  const state = { actors: query.getAll('actor').filter(Boolean) };
  for (const name of SINGLE) state[name] = query.get(name) || null;
  state.offset = Math.max(0, Number.parseInt(state.offset ?? '0', 10) || 0);
  if (state.country) state.country = state.country.toUpperCase(); // the API takes any case
  return state;
}

export function writeState(state) {
  const query = new URLSearchParams();
  for (const actor of state.actors) query.append('actor', actor);
  for (const name of SINGLE) {
    const value = state[name];
    if (value === null || value === undefined || value === '' || (name === 'offset' && value === 0)) continue;
    query.set(name, String(value));
  }
  const text = query.toString();
  return text ? '?' + text : '';
}

/** The filters as /events takes them (and /aggregate/events, which shares them). */
export function eventFilters(state) {
  const pairs = state.actors.map((actor) => ['actor', actor]);
  for (const name of ['type', 'certainty', 'country', 'document', 'from', 'to', 'q']) if (state[name]) pairs.push([name, state[name]]);
  return pairs;
}

/** The same view for /quotes: the actors as speakers (and those who speak for them), the period and
 *  the search. /quotes has no certainty or document filter: the panel says which filters apply. */
export function quoteFilters(state) {
  const pairs = state.actors.map((actor) => ['speaker', actor]);
  for (const name of ['from', 'to', 'q']) if (state[name]) pairs.push([name, state[name]]);
  return pairs;
}
