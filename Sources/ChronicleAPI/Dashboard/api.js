// The dashboard reads only the public API, the same endpoints curl users have. The base is this
// server, or another Chronicle named by ?api= (read under CORS).
export class ProblemError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** The server could not be reached at all (no answer): told apart from an answer that is a problem. */
export class NetworkError extends Error {
  constructor(base, cause) {
    super(`Cannot reach ${base}`);
    this.name = 'NetworkError';
    this.base = base;
    this.cause = cause;
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

  /** fetch, with a failure to connect turned into a NetworkError (an abort stays an AbortError). */
  async fetch(url, options) {
    try {
      return await fetch(url, options);
    } catch (error) {
      if (error.name === 'AbortError') throw error;
      throw new NetworkError(this.base, error);
    }
  }

  async get(path, parameters = [], signal = undefined) {
    const response = await this.fetch(this.url(path, parameters), { signal, headers: { Accept: 'application/json' } });
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
    const response = await this.fetch(this.url(path), { signal });
    if (!response.ok) throw new ProblemError(response.status, null);
    return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
  }
}
