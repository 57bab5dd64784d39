import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TesseraConfig } from '../config/config.js';
import { type EngineEvent, EngineSupervisor, type SupervisedState } from './engine-supervisor.js';
import { startEmbeddedMeilisearch } from './embedded-meilisearch.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { commandLineOf, isProcessAlive } from './managed-process.js';

/** Where the engines are, once started (embedded) or found (external). */
export interface Engines {
  databaseUrl: string;
  meiliUrl: string;
  meiliMasterKey?: string;
  /** True when the database was started here (so an empty one may get the demo seed). */
  embeddedDatabase: boolean;
  /** The supervised state of an embedded engine; undefined for an external one. */
  state(engine: 'postgres' | 'meilisearch'): SupervisedState | undefined;
  /** Stops what was started here; external services are left alone. */
  stop(): Promise<void>;
}

/**
 * Starts the embedded engines that the configuration does not point elsewhere, both at once.
 * When one of them fails, the other is stopped again before the error is thrown.
 */
export async function startEngines(
  config: TesseraConfig,
  log: (engine: string, line: string) => void,
  /** Supervision news (an engine died, is back, was given up on), for the operator's log. */
  event: (level: Parameters<EngineEvent>[0], engine: string, message: string) => void = (_level, engine, message) => log(engine, message),
  restartDelaysMs?: readonly number[],
): Promise<Engines> {
  if (config.databaseUrl && config.meiliUrl) {
    const { databaseUrl, meiliUrl, meiliMasterKey } = config;
    return { databaseUrl, meiliUrl, meiliMasterKey, embeddedDatabase: false, state: () => undefined, stop: async () => undefined };
  }
  mkdirSync(config.dataDir, { recursive: true, mode: 0o755 });
  const releaseLock = lockDataDir(config.dataDir);
  const startPostgres = (port?: number) => startEmbeddedPostgres(config.dataDir, (line) => log('postgres', line), port);
  const startMeilisearch = (port?: number) =>
    startEmbeddedMeilisearch({
      dataDir: config.dataDir,
      binary: config.meiliBinary,
      masterKey: config.meiliMasterKey,
      port,
      log: (line) => log('meilisearch', line),
    });
  const [postgres, meili] = await Promise.allSettled([
    config.databaseUrl ? undefined : startPostgres(),
    config.meiliUrl ? undefined : startMeilisearch(),
  ]);
  const supervisors = new Map<string, EngineSupervisor>();
  if (postgres.status === 'fulfilled' && postgres.value) {
    supervisors.set('postgres', new EngineSupervisor('postgres', postgres.value, startPostgres, (level, message) => event(level, 'postgres', message), restartDelaysMs));
  }
  if (meili.status === 'fulfilled' && meili.value) {
    supervisors.set('meilisearch', new EngineSupervisor('meilisearch', meili.value, startMeilisearch, (level, message) => event(level, 'meilisearch', message), restartDelaysMs));
  }
  const stop = async () => {
    await Promise.all([...supervisors.values()].map((engine) => engine.stop()));
    releaseLock();
  };
  const failed = [postgres, meili].find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  const pg = postgres.status === 'fulfilled' ? postgres.value : undefined;
  const ms = meili.status === 'fulfilled' ? meili.value : undefined;
  return {
    databaseUrl: pg?.url ?? config.databaseUrl!,
    meiliUrl: ms?.url ?? config.meiliUrl!,
    meiliMasterKey: ms?.masterKey ?? config.meiliMasterKey,
    embeddedDatabase: pg !== undefined,
    state: (engine) => supervisors.get(engine)?.state,
    stop,
  };
}

/**
 * One process at a time may run the engines of a DATA_DIR. The lock names its owner, so that a
 * second start says who holds it, and a start after a crash (owner gone) may take the engines over.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = join(dataDir, 'tessera.pid');
  if (existsSync(lockFile)) {
    const owner = Number(readFileSync(lockFile, 'utf8').trim());
    if (Number.isInteger(owner) && owner !== process.pid && isProcessAlive(owner) && commandLineOf(owner).includes('node')) {
      throw new Error(`DATA_DIR ${dataDir} is in use by another Tessera process (pid ${owner}); stop it first or choose another DATA_DIR`);
    }
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}
