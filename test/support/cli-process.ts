import { spawn } from 'node:child_process';
import { compileCache } from './api-process.js';
import { testEngines } from './engines.js';
import type { TestApp } from './test-app.js';

/** Runs the compiled CLI (`npm test` builds it first) against this test file's database and search index, as an operator would. */
export function runCli(app: TestApp, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const engines = testEngines();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['dist/apps/cli/src/main.js', ...args], {
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: app.databaseUrl,
        MEILI_URL: engines.meiliUrl,
        MEILI_MASTER_KEY: engines.meiliMasterKey ?? '',
        MEILI_INDEX_PREFIX: app.config.meiliIndexPrefix,
        LOG_LEVEL: 'error',
        ...compileCache(),
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
