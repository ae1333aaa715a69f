/**
 * pg deprecates a query sent on a connection that is still busy with another (inside a
 * transaction the connection is one, so Promise.all over a transaction's queries does it); pg 9
 * makes it an error. Every test file fails on it now, naming the code that sent the query, whether
 * it was sent in the test's own process or in a worker process it spawned (worker-process.ts).
 * The rule itself is in overlapping-queries.cjs.
 */
import { Client } from 'pg';
import { OVERLAP_MARKER, watchOverlappingQueries } from './overlapping-queries.cjs';

const overlapping: string[] = [];
watchOverlappingQueries(Client, (stack) => overlapping.push(stack));

/** Records an overlapping query a spawned worker process reported on its output (overlap-preload.cjs). */
export function noteWorkerOutput(line: string): void {
  if (!line.startsWith(OVERLAP_MARKER)) return;
  const stack: unknown = JSON.parse(line.slice(OVERLAP_MARKER.length));
  overlapping.push(`in a worker process: ${String(stack)}`);
}

/** The overlapping queries caught so far, which are then forgotten (for the detector's own test). */
export function takeOverlappingQueries(): string[] {
  return overlapping.splice(0);
}

afterAll(() => {
  const places = takeOverlappingQueries();
  if (places.length > 0) {
    throw new Error(
      `${places.length} queries were sent on a Postgres connection busy with another (overlapping queries in one transaction):\n${places[0]}`,
    );
  }
});
