'use strict';
// Preloaded into the worker processes tests spawn (NODE_OPTIONS --require, worker-process.ts): each
// overlapping query is written on stderr as one line, which startWorkerProcess hands to
// no-overlapping-queries.ts, and the test file fails as it does for one in its own process.
const { Client } = require('pg');
const { OVERLAP_MARKER, watchOverlappingQueries } = require('./overlapping-queries.cjs');

watchOverlappingQueries(Client, (stack) => process.stderr.write(`${OVERLAP_MARKER}${JSON.stringify(stack)}\n`));
