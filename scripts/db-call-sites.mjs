#!/usr/bin/env node
// Prisma and SQL call sites of src/, and those that live outside a repository (issue 12, item 2:
// repositories own the database). A call site is a model operation (`prisma.post.findFirst(`,
// `tx.postTarget.updateMany(`) or raw SQL (`$queryRaw`, `$executeRaw` and their Unsafe forms).
// A repository is a *.repository.ts file; src/core/database (the Prisma service and the
// transaction helper) and the command-line tools in src/cli are counted apart. Run:
//   node scripts/db-call-sites.mjs            (the figures)
//   node scripts/db-call-sites.mjs --list     (and every call site outside a repository, file:line)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');

const schema = readFileSync(join(root, 'prisma', 'schema.prisma'), 'utf8');
const delegates = [...schema.matchAll(/^model (\w+)/gm)].map(([, name]) => name[0].toLowerCase() + name.slice(1));
const operations = [
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'create',
  'createMany',
  'createManyAndReturn',
  'update',
  'updateMany',
  'updateManyAndReturn',
  'upsert',
  'delete',
  'deleteMany',
  'count',
  'aggregate',
  'groupBy',
];
const modelCall = new RegExp(`\\.(?:${delegates.join('|')})\\s*\\.\\s*(?:${operations.join('|')})\\s*\\(`, 'g');
const rawCall = /\$(?:queryRaw|executeRaw)(?:Unsafe)?\b/g;

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

const kindOf = (file) =>
  file.endsWith('.repository.ts')
    ? 'repository'
    : file.startsWith('src/core/database/')
      ? 'database helper'
      : file.startsWith('src/cli/')
        ? 'command-line tool'
        : 'outside';

const counts = { repository: 0, 'database helper': 0, 'command-line tool': 0, outside: 0 };
const outside = [];
for (const path of sourceFiles(src)) {
  const file = relative(root, path);
  const text = readFileSync(path, 'utf8');
  for (const match of [...text.matchAll(modelCall), ...text.matchAll(rawCall)]) {
    const kind = kindOf(file);
    counts[kind] += 1;
    if (kind === 'outside') outside.push(`${file}:${text.slice(0, match.index).split('\n').length}`);
  }
}

const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
console.log(`Prisma/SQL call sites in src/: ${total}`);
for (const [kind, n] of Object.entries(counts)) console.log(`  ${kind}: ${n}`);
if (process.argv.includes('--list')) {
  const byFile = new Map();
  for (const site of outside.sort()) {
    const file = site.slice(0, site.indexOf(':'));
    byFile.set(file, (byFile.get(file) ?? 0) + 1);
    console.log(site);
  }
  console.log('\nper file:');
  for (const [file, n] of [...byFile].sort((a, b) => b[1] - a[1])) console.log(`  ${n}  ${file}`);
}
