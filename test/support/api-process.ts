import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { GraphQLResponse, TestApp } from './test-app.js';

/** The api as `npm start` runs it: the compiled entry point in its own process. */
export class ApiProcess {
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;

  private constructor(readonly child: ChildProcess) {
    child.stdout!.on('data', (chunk: Buffer) => (this.stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  static start(env: Record<string, string>): ApiProcess {
    const child = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
      // No demo seed: these tests are about the process and its engines, and seeding takes seconds.
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', TESSERA_SEED: 'none', ...compileCache(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new ApiProcess(child);
  }

  /** Waits until `/health` says ok; fails with what the process printed when it does not come up. */
  async waitUntilHealthy(baseUrl: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`api exited with ${this.child.exitCode}:\n${this.stdout}\n${this.stderr}`);
      try {
        const response = await fetch(`${baseUrl}/health`);
        if (response.ok && ((await response.json()) as { status: string }).status === 'ok') return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`api did not become healthy in ${timeoutMs} ms:\n${this.stdout}\n${this.stderr}`);
  }
}

/**
 * The GraphQL helper of a TestApp for an api running in its own process (see ApiProcess): what
 * the fixtures need — its URL, its operator token and `graphql` — and nothing of the in-process app.
 */
export function processClient(url: string, adminToken: string): TestApp {
  return {
    url,
    adminToken,
    async graphql(query: string, variables?: Record<string, unknown>, token?: string) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) } as GraphQLResponse;
    },
  } as unknown as TestApp;
}

/** The run's Node compile cache (support/global-setup.js), for a child given an environment of its own: it starts faster, the same. */
export function compileCache(): Record<string, string> {
  return process.env.NODE_COMPILE_CACHE ? { NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE } : {};
}

/** Pids of running processes whose command line mentions `text` (our engines name their data folder). */
export function processesMentioning(text: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').includes(text);
      } catch {
        return false;
      }
    })
    .map(Number);
}

