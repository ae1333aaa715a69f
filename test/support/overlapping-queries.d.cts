import type { Client } from 'pg';

/** Starts the line a worker process writes on stderr for each overlapping query (JSON follows). */
export declare const OVERLAP_MARKER: string;

/** Wraps pg's Client.prototype.query once: an overlapping query is reported with its stack, then sent. */
export declare function watchOverlappingQueries(client: typeof Client, report: (stack: string) => void): void;
