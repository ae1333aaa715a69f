#!/usr/bin/env node
// Everything `npm start` and `npm test` need, done idempotently and quickly the second time:
// dependencies, Prisma client, Postgres and Redis up, database created, migrations applied,
// build, and (dev only) demo data in an empty database. Uses only Node's standard library until
// dependencies are installed.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const envName = process.argv.includes('--env') ? process.argv[process.argv.indexOf('--env') + 1] : 'dev';
const log = (message) => process.stdout.write(`[prepare:${envName}] ${message}\n`);
const fail = (message) => {
  process.stderr.write(`\n[prepare:${envName}] ${message}\n\n`);
  process.exit(1);
};
const run = (command, args, env = {}) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) fail(`"${command} ${args.join(' ')}" failed (exit ${result.status}).`);
};
const sha256 = (...parts) => createHash('sha256').update(parts.join('\0')).digest('hex');

function ensureDependencies() {
  const lock = readFileSync(join(root, 'package-lock.json'), 'utf8');
  const marker = join(root, 'node_modules', '.gaung-lock-hash');
  const wanted = sha256(lock, process.version);
  if (existsSync(marker) && readFileSync(marker, 'utf8') === wanted) return;
  log('installing dependencies (npm ci)');
  run('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts']);
  writeFileSync(marker, wanted);
}

function ensurePrismaClient() {
  const schema = readFileSync(join(root, 'prisma', 'schema.prisma'), 'utf8');
  const marker = join(root, 'src', 'generated', 'prisma', '.gaung-schema-hash');
  const wanted = sha256(schema, readFileSync(join(root, 'package-lock.json'), 'utf8'));
  if (existsSync(marker) && readFileSync(marker, 'utf8') === wanted) return;
  log('generating the Prisma client');
  run('npx', ['prisma', 'generate'], { DATABASE_URL: 'postgresql://unused@127.0.0.1/unused' });
  writeFileSync(marker, wanted);
}

/** Every file under `dir` (sorted, relative), for hashing a source tree. */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The web desk (web/): its own dependencies and a Vite build into web/dist, redone only when its sources changed. */
function ensureWebApp() {
  const web = join(root, 'web');
  const lock = readFileSync(join(web, 'package-lock.json'), 'utf8');
  const depsMarker = join(web, 'node_modules', '.gaung-lock-hash');
  const wantedDeps = sha256(lock, process.version);
  if (!existsSync(depsMarker) || readFileSync(depsMarker, 'utf8') !== wantedDeps) {
    log("installing the web app's dependencies (npm ci in web/)");
    run('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts', '--prefix', 'web']);
    writeFileSync(depsMarker, wantedDeps);
  }
  const inputs = [
    ...filesUnder(join(web, 'src')),
    // The in-app help shows the user guides and their pictures, read from docs/ at build time.
    ...['guide', 'panduan', 'screenshots'].flatMap((dir) => filesUnder(join(root, 'docs', dir))),
    ...['index.html', 'vite.config.ts', 'tsconfig.json', 'package-lock.json'].map((f) => join(web, f)),
  ];
  const wantedBuild = sha256(
    ...inputs.map((file) => `${file}\0${statSync(file).size}\0${readFileSync(file, 'latin1')}`),
  );
  const buildMarker = join(web, 'dist', '.gaung-build-hash');
  if (existsSync(buildMarker) && readFileSync(buildMarker, 'utf8') === wantedBuild) return;
  log('building the web app (web/dist)');
  run('npm', ['run', '--silent', '--prefix', 'web', 'build']);
  writeFileSync(buildMarker, wantedBuild);
}

function loadEnvironment() {
  if (envName === 'test') {
    const defaults = JSON.parse(readFileSync(join(root, 'test', 'test-env.json'), 'utf8'));
    return {
      DATABASE_URL: process.env.TEST_DATABASE_URL || defaults.databaseUrl,
      REDIS_URL: process.env.TEST_REDIS_URL || defaults.redisUrl,
    };
  }
  const envFile = join(root, '.env');
  if (!existsSync(envFile)) {
    copyFileSync(join(root, '.env.example'), envFile);
    const key = randomBytes(32).toString('base64');
    const operatorToken = randomBytes(24).toString('base64url');
    writeFileSync(
      envFile,
      readFileSync(envFile, 'utf8')
        .replace(/^CREDENTIAL_KEYS=.*$/m, `CREDENTIAL_KEYS=k1:${key}`)
        .replace(/^OPERATOR_TOKEN=.*$/m, `OPERATOR_TOKEN=${operatorToken}`),
    );
    log('created .env from .env.example with a fresh credential key and operator token');
  }
  admitLoopbackForTheDemo(envFile);
  process.loadEnvFile(envFile);
  if (!process.env.DATABASE_URL) fail('DATABASE_URL is not set in .env.');
  return { DATABASE_URL: process.env.DATABASE_URL, REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379' };
}

// A development .env made before EGRESS_ALLOW existed: the demo webhook receiver is on localhost, which
// the guarded egress refuses unless admitted. Production .env files (NODE_ENV not development) are left alone.
function admitLoopbackForTheDemo(envFile) {
  const text = readFileSync(envFile, 'utf8');
  if (/^EGRESS_ALLOW=/m.test(text) || !/^NODE_ENV=development\s*$/m.test(text)) return;
  writeFileSync(
    envFile,
    `${text.replace(/\n?$/, '\n')}# Development: admits the demo webhook receiver on this machine (see .env.example)\nEGRESS_ALLOW=127.0.0.1,::1\n`,
  );
  log('added EGRESS_ALLOW=127.0.0.1,::1 to .env for the demo webhook receiver');
}

function answers(host, port) {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 1000 });
    socket.once('connect', () => resolve(socket.end() && true));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => resolve(socket.destroy() && false));
  });
}

const isLocal = (host) => ['localhost', '127.0.0.1', '::1', '[::1]'].includes(host);
const commandExists = (name) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;

async function ensureService(label, url, defaultPort, start) {
  const { hostname, port } = new URL(url);
  const portNumber = Number(port || defaultPort);
  if (await answers(hostname, portNumber)) return;
  if (isLocal(hostname) && start()) {
    for (let i = 0; i < 40; i++) {
      if (await answers(hostname, portNumber)) return log(`started the local ${label}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  fail(
    `${label} does not answer at ${hostname}:${portNumber}.\n` +
      `  Start it with:  docker compose up -d postgres redis\n` +
      `  or install it:  apt-get install -y postgresql redis-server`,
  );
}

function startLocalPostgres() {
  if (!existsSync('/etc/postgresql') || !commandExists('pg_ctlcluster')) return false;
  const [version] = readdirSync('/etc/postgresql');
  return spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start']).status === 0;
}

function startLocalRedis() {
  if (!commandExists('redis-server')) return false;
  const args = [
    '--daemonize',
    'yes',
    '--bind',
    '127.0.0.1',
    '-::1',
    '--port',
    '6379',
    '--save',
    '',
    '--appendonly',
    'no',
  ];
  return spawnSync('redis-server', args).status === 0;
}

async function ensureDatabase(databaseUrl) {
  const require = createRequire(import.meta.url);
  const { Client } = require('pg');
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      log(`created database ${name}`);
    }
  } finally {
    await client.end();
  }
  return pendingMigrations(databaseUrl, Client);
}

async function pendingMigrations(databaseUrl, Client) {
  const folders = readdirSync(join(root, 'prisma', 'migrations'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Set(rows.map((row) => row.migration_name));
    return folders.filter((name) => !applied.has(name));
  } catch {
    return folders; // no _prisma_migrations table yet
  } finally {
    await client.end();
  }
}

function templateOf(databaseUrl) {
  const url = new URL(databaseUrl);
  url.pathname = `${url.pathname}_template`;
  return url.toString();
}

async function main() {
  ensureDependencies();
  ensurePrismaClient();
  const env = loadEnvironment();
  await ensureService('PostgreSQL', env.DATABASE_URL, 5432, startLocalPostgres);
  await ensureService('Redis', env.REDIS_URL, 6379, startLocalRedis);
  // Tests also get a template database that nobody connects to, cloned by tests that need a database of their own.
  const databases = envName === 'test' ? [env.DATABASE_URL, templateOf(env.DATABASE_URL)] : [env.DATABASE_URL];
  for (const databaseUrl of databases) {
    const pending = await ensureDatabase(databaseUrl);
    if (pending.length > 0) {
      log(`applying ${pending.length} migration(s) to ${new URL(databaseUrl).pathname.slice(1)}`);
      run('npx', ['prisma', 'migrate', 'deploy'], { DATABASE_URL: databaseUrl });
    }
  }
  log('building');
  run('npm', ['run', '--silent', 'build']);
  ensureWebApp();
  if (envName === 'dev') run('node', ['dist/cli/seed.js', '--if-empty']);
  log('ready');
}

main().catch((error) => fail(error.stack ?? String(error)));
