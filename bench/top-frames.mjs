#!/usr/bin/env node
// Prints the top self-time frames of a .cpuprofile (node --cpu-prof), by function and by package:
// `node bench/top-frames.mjs bench/results/profiles/<file>.cpuprofile [count]`.
import { readFileSync } from 'node:fs';

const [file, count = '25'] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfMs = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
}
const total = [...selfMs.values()].reduce((a, b) => a + b, 0);
const byFunction = new Map();
const byPackage = new Map();
for (const [id, ms] of selfMs) {
  const { functionName, url, lineNumber } = byId.get(id).callFrame;
  const where = url
    .replace(/^file:\/\//, '')
    .replace(/.*node_modules\//, 'nm:')
    .replace(/.*\/dist\//, 'dist/');
  const key = `${functionName || '(anonymous)'}  ${where}:${lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
  const pkg = where.startsWith('nm:')
    ? where
        .slice(3)
        .split('/')
        .slice(0, where.includes('@') ? 2 : 1)
        .join('/')
    : where.startsWith('dist/')
      ? where.split('/').slice(0, 3).join('/')
      : where || functionName;
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
}
const top = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, Number(count));
process.stdout.write(`total sampled ${total.toFixed(0)} ms\n\nby function (self):\n`);
for (const [key, ms] of top(byFunction))
  process.stdout.write(`${((ms / total) * 100).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(6)} ms  ${key}\n`);
process.stdout.write('\nby package or file (self):\n');
for (const [key, ms] of top(byPackage))
  process.stdout.write(`${((ms / total) * 100).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(6)} ms  ${key}\n`);
