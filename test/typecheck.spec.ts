import { execFile } from 'node:child_process';

/**
 * `npm run typecheck` (tsc on the api's and the web app's projects) as one of `npm test`'s files,
 * so that it runs while the other files run instead of before all of them: the build (swc, Vite)
 * does not check types. Incremental (node_modules/.cache/tsc): a run on unchanged sources takes
 * a few seconds, a fresh clone's first run about twenty.
 */
describe('types', () => {
  it('type-check in every project (npm run typecheck)', async () => {
    const result = await new Promise<{ code: number | null; output: string }>((resolve) => {
      execFile('npm', ['run', 'typecheck', '--silent'], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, output: `${stdout}${stderr}` }),
      );
    });
    // On failure this shows tsc's diagnostics, file and line.
    expect(result).toEqual({ code: 0, output: '' });
  }, 300_000);
});
