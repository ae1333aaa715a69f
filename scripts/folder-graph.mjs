#!/usr/bin/env node
// Which feature folder of src/ imports which, and the cycles between folders (issue 12, item 1).
// dpdm in `npm run lint` catches circular imports between files; this looks one level up, at the
// folders, because two folders can import each other without any file cycle. Run:
//   node scripts/folder-graph.mjs          (the arrows and the cycles; exit 1 if there is a cycle)
// Unit specs (*.spec.ts) and the generated Prisma client are left out: they are not the house.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

// The folder a file belongs to: src/<folder>/..., or the file itself for src/*.ts.
const folderOf = (path) => relative(src, path).split('/')[0].replace(/\.ts$/, '');

const importPattern = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)/g;
const edges = new Map();
for (const file of sourceFiles(src)) {
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(importPattern)) {
    const spec = match[1] ?? match[2];
    if (!spec.startsWith('.')) continue;
    const target = resolve(dirname(file), spec);
    if (!target.startsWith(src + '/')) continue;
    const [from, to] = [folderOf(file), folderOf(target)];
    if (from === to || to === 'generated') continue;
    if (!edges.has(from)) edges.set(from, new Map());
    const files = edges.get(from);
    const line = text.slice(0, match.index).split('\n').length;
    if (!files.has(to)) files.set(to, []);
    files.get(to).push(`${relative(root, file)}:${line}`);
  }
}

// Tarjan's strongly connected components: a component of more than one folder is a cycle.
const index = new Map();
const low = new Map();
const stack = [];
const cycles = [];
let counter = 0;
function connect(node) {
  index.set(node, counter);
  low.set(node, counter++);
  stack.push(node);
  for (const next of edges.get(node)?.keys() ?? []) {
    if (!index.has(next)) {
      connect(next);
      low.set(node, Math.min(low.get(node), low.get(next)));
    } else if (stack.includes(next)) low.set(node, Math.min(low.get(node), index.get(next)));
  }
  if (low.get(node) !== index.get(node)) return;
  const component = [];
  let member;
  do {
    member = stack.pop();
    component.push(member);
  } while (member !== node);
  if (component.length > 1) cycles.push(component.sort());
}
for (const node of [...edges.keys()].sort()) if (!index.has(node)) connect(node);

for (const [from, targets] of [...edges].sort()) {
  console.log(`${from} -> ${[...targets.keys()].sort().join(', ')}`);
}
console.log(`\nfolder cycles: ${cycles.length}`);
for (const cycle of cycles) {
  console.log(`  ${cycle.join(' <-> ')}`);
  for (const from of cycle)
    for (const [to, sites] of edges.get(from) ?? [])
      if (cycle.includes(to)) console.log(`    ${from} -> ${to}: ${sites.join(' ')}`);
}
process.exitCode = cycles.length > 0 ? 1 : 0;
