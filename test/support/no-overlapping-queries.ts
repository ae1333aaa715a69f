/**
 * pg deprecates a query sent on a connection that is still busy with another (inside a
 * transaction the connection is one, so Promise.all over a transaction's queries does it); pg 9
 * makes it an error. Every test file fails on it now, naming the code that sent the query.
 */
import { Client } from 'pg';

type QueuedClient = { _queryQueue: unknown[]; pipeline?: boolean };
type Query = (...args: unknown[]) => unknown;

const overlapping: string[] = [];
const query = Client.prototype.query as unknown as Query;
(Client.prototype as unknown as { query: Query }).query = function checkedQuery(
  this: QueuedClient,
  ...args: unknown[]
) {
  if (this._queryQueue.length > 0 && !this.pipeline) overlapping.push(new Error('overlapping query').stack ?? '');
  return query.apply(this, args);
};

afterAll(() => {
  const places = overlapping.splice(0);
  if (places.length > 0) {
    throw new Error(
      `${places.length} queries were sent on a Postgres connection busy with another (overlapping queries in one transaction):\n${places[0]}`,
    );
  }
});
