// The dashboard reads only the public API, the same endpoints curl users have. The base is this
// server, or another Chronicle named by ?api= (read under CORS).
export class ProblemError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export class API {
  constructor(base) {
    this.base = base.replace(/\/+$/, '');
  }

  /** An absolute URL for a path and query parameters (an array of [name, value] pairs or an object). */
  url(path, parameters = []) {
    const query = new URLSearchParams(Array.isArray(parameters) ? parameters : Object.entries(parameters)).toString();
    return this.base + path + (query ? '?' + query : '');
  }

  async get(path, parameters = [], signal = undefined) {
    const response = await fetch(this.url(path, parameters), { signal, headers: { Accept: 'application/json' } });
    if (!response.ok) {
      let problem = null;
      try { problem = await response.json(); } catch { /* not a problem document */ }
      throw new ProblemError(response.status, problem);
    }
    return response.json();
  }

  /** The body exactly as sent: a leading byte-order mark is a code point the API's spans count,
   *  which response.text() would drop. */
  async text(path, signal = undefined) {
    const response = await fetch(this.url(path), { signal });
    if (!response.ok) throw new ProblemError(response.status, null);
    return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
  }
}
