import { readdirSync } from 'node:fs';
import tseslint from 'typescript-eslint';

/**
 * Which folder of src/ may import which (docs/architecture.md, "Where things live"): imports point
 * down this table, never up, so no two folders import each other. A new folder needs its line here
 * (linting refuses to start without it). The composition roots (src/*.ts) and src/cli import anything.
 */
const MAY_IMPORT = {
  core: ['generated'], // the Prisma client, handed on by core/database
  auth: ['core'],
  audit: ['core', 'auth'],
  // A leaf that features import, never the reverse.
  notifications: ['core', 'auth'],
  health: ['core'],
  'web-app': ['core'],
  media: ['core', 'auth'],
  publishers: ['core', 'media'],
  publishing: ['core', 'auth', 'media', 'publishers', 'notifications'],
  workspaces: ['core', 'auth', 'publishing', 'notifications'],
  campaigns: ['core', 'auth', 'workspaces', 'publishing', 'notifications'],
  posts: ['core', 'auth', 'campaigns', 'publishers', 'publishing', 'notifications'],
  review: ['core', 'auth', 'posts', 'publishing', 'notifications'],
  // Telegram's inbound side: acts through review and workspaces as the app does; sending is notifications'.
  telegram: ['core', 'auth', 'notifications', 'publishing', 'posts', 'review', 'workspaces'],
  calendar: ['core', 'auth', 'workspaces', 'posts'],
  accounts: ['core', 'auth', 'calendar', 'publishers', 'publishing', 'notifications'],
  analytics: ['core', 'auth', 'calendar', 'accounts', 'publishers', 'publishing', 'notifications'],
  demo: ['core', 'auth', 'accounts', 'posts', 'publishers', 'publishing'],
};

const UNLISTED = new Set(['cli', 'generated']);
for (const entry of readdirSync(new URL('./src', import.meta.url), { withFileTypes: true })) {
  if (entry.isDirectory() && !UNLISTED.has(entry.name) && !(entry.name in MAY_IMPORT)) {
    throw new Error(`eslint.config.mjs: src/${entry.name} has no line in MAY_IMPORT (which folders it may import).`);
  }
}

// The table itself must point one way: refuse to lint with a cycle in it.
const visiting = new Set();
const checked = new Set();
function assertNoCycle(folder, path) {
  if (checked.has(folder)) return;
  if (visiting.has(folder))
    throw new Error(`eslint.config.mjs: MAY_IMPORT has a cycle: ${[...path, folder].join(' -> ')}`);
  visiting.add(folder);
  for (const next of MAY_IMPORT[folder] ?? []) assertNoCycle(next, [...path, folder]);
  visiting.delete(folder);
  checked.add(folder);
}
Object.keys(MAY_IMPORT).forEach((folder) => assertNoCycle(folder, []));

// One block per folder depth, since an import names its target relative to the importing file:
// from src/<folder>/a/b.ts, "../../x/..." is src/x. Any other folder of src/ is refused.
const escape = (name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const boundaries = Object.entries(MAY_IMPORT).flatMap(([folder, allowed]) =>
  [1, 2, 3, 4].map((depth) => ({
    files: [`src/${folder}/${'*/'.repeat(depth - 1)}*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\.\\./){${depth}}(?!(${[folder, ...allowed].map(escape).join('|')})(/|$))[^./]`,
              message: `src/${folder} may import only ${allowed.length ? allowed.map((f) => `src/${f}`).join(', ') : 'itself'} (MAY_IMPORT in eslint.config.mjs, docs/architecture.md).`,
            },
          ],
        },
      ],
    },
  })),
);

export default tseslint.config(
  { ignores: ['src/generated/**', 'dist/**', 'node_modules/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through AppConfig (src/core/config).' },
      ],
    },
  },
  {
    // Arrows point one way: features call notifications, notifications call no feature (docs/notifications.md).
    files: ['src/notifications/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex:
                '^\\.\\./(accounts|analytics|calendar|campaigns|demo|media|posts|publishing|review|workspaces)(/|$)',
              message: 'src/notifications must not import a feature: the feature calls the Notifier instead.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/config/load-config.ts', 'test/**/*.ts', 'bench/**/*.ts', 'src/cli/**/*.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  ...boundaries,
);
