import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '#platform';
import { ApiProcess, processesMentioning } from './support/api-process.js';

/**
 * Each of the first two tests starts api processes one after another, each with its own engines
 * (initdb included): half a minute on a quiet machine, more than jest's default minute when the
 * machine is busy. A slow start is not a failure; a process that never becomes healthy still is.
 */
const PROCESS_TEST_TIMEOUT_MS = 240_000;

/**
 * `npm start` as a user runs it: the compiled api in its own process with embedded engines.
 * These tests start real PostgreSQL and Meilisearch per instance, so they take some seconds.
 */
describe('the api process with embedded engines', () => {
  const dirs: string[] = [];
  const newDataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'tessera-lifecycle-'));
    chmodSync(dir, 0o755);
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) {
      for (const pid of processesMentioning(dir)) process.kill(pid, 'SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs two instances side by side, stops cleanly on SIGINT and SIGTERM, and restarts on the same data', async () => {
    const [dirA, dirB] = [newDataDir(), newDataDir()];
    const [portA, portB] = [await findFreePort(), await findFreePort()];
    const a = ApiProcess.start({ DATA_DIR: dirA, PORT: String(portA) });
    const b = ApiProcess.start({ DATA_DIR: dirB, PORT: String(portB) });
    await Promise.all([a.waitUntilHealthy(`http://127.0.0.1:${portA}`), b.waitUntilHealthy(`http://127.0.0.1:${portB}`)]);

    const typename = await fetch(`http://127.0.0.1:${portB}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await typename.json()).toEqual({ data: { __typename: 'Query' } });
    expect(processesMentioning(dirA).length).toBeGreaterThanOrEqual(2); // postgres and meilisearch

    const intruder = ApiProcess.start({ DATA_DIR: dirA, PORT: String(await findFreePort()) });
    expect(await intruder.exited).toBe(1);
    expect(intruder.stderr).toMatch(/DATA_DIR .* is in use by another Tessera process/);

    const tokenA = readFileSync(join(dirA, 'admin-token'), 'utf8').trim();
    expect(a.stdout).toContain(tokenA); // printed once, on first start

    a.child.kill('SIGINT');
    b.child.kill('SIGTERM');
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);
    expect(processesMentioning(dirA)).toEqual([]);
    expect(processesMentioning(dirB)).toEqual([]);

    const again = ApiProcess.start({ DATA_DIR: dirA, PORT: String(portA) });
    await again.waitUntilHealthy(`http://127.0.0.1:${portA}`);
    expect(again.stdout).not.toContain(tokenA); // the same token, kept, not shown again
    expect(readFileSync(join(dirA, 'admin-token'), 'utf8').trim()).toBe(tokenA);
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
    expect(processesMentioning(dirA)).toEqual([]);
  }, PROCESS_TEST_TIMEOUT_MS);

  it('recovers the engines a killed run left behind', async () => {
    const dir = newDataDir();
    const port = await findFreePort();
    const first = ApiProcess.start({ DATA_DIR: dir, PORT: String(port) });
    await first.waitUntilHealthy(`http://127.0.0.1:${port}`);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(processesMentioning(dir).length).toBeGreaterThanOrEqual(2); // orphans hold the data folder

    const second = ApiProcess.start({ DATA_DIR: dir, PORT: String(port) });
    await second.waitUntilHealthy(`http://127.0.0.1:${port}`);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(processesMentioning(dir)).toEqual([]);
  }, PROCESS_TEST_TIMEOUT_MS);

  it('refuses to start on invalid configuration, naming every bad variable, and starts nothing', async () => {
    const dir = newDataDir();
    const api = ApiProcess.start({ DATA_DIR: dir, PORT: 'eighty', TESSERA_SEED: 'everything', DATABASE_URL: 'mysql://x' });
    expect(await api.exited).toBe(1);
    expect(api.stderr).toMatch(/PORT: must be a whole number/);
    expect(api.stderr).toMatch(/TESSERA_SEED: must be "demo" or "none"/);
    expect(api.stderr).toMatch(/DATABASE_URL: must be a postgres/);
    expect(processesMentioning(dir)).toEqual([]);
  });
});
