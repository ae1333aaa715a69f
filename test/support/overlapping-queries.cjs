'use strict';
// The one rule for "a query sent on a Postgres connection busy with another", shared by the jest
// setup (no-overlapping-queries.ts) and the preload of the worker processes tests spawn
// (overlap-preload.cjs). CommonJS, so that a plain `node --require` can load it.
//
// pg 8 deprecates such a query and pg 9 makes it an error, but pg 8 warns only from the third
// query on (when one already waits in its queue): two overlapping queries, as Promise.all over a
// transaction's two statements sends them, pass silently. This rule catches the second.

/** Starts the line a worker process writes on stderr for each overlapping query (JSON follows). */
const OVERLAP_MARKER = 'GAUNG_TEST_OVERLAPPING_QUERY ';

/**
 * Wraps pg's Client.prototype.query once: a query sent while the connection still runs or queues
 * another (outside pipeline mode, on a live connection) is reported with the stack that sent it,
 * then sent as before.
 */
function watchOverlappingQueries(Client, report) {
  const query = Client.prototype.query;
  if (query.overlapWatched) return;
  function checkedQuery(...args) {
    const live = this._queryable !== false && !this._ending;
    if (live && !this.pipeline && (this._activeQuery || this._queryQueue.length > 0)) {
      report(new Error('overlapping query').stack ?? '');
    }
    return query.apply(this, args);
  }
  checkedQuery.overlapWatched = true;
  Client.prototype.query = checkedQuery;
}

module.exports = { OVERLAP_MARKER, watchOverlappingQueries };
