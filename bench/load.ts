import { spawn } from 'node:child_process';

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  errors: number;
  non2xx: number;
}

/**
 * Drives one URL with autocannon in its own process (so the load generator does not share the
 * server's event loop), on loopback only, for a bounded time.
 */
export function load(
  url: string,
  options: { seconds: number; connections: number; method?: 'GET' | 'POST'; body?: string; headers?: Record<string, string>; /** requests a second in all, instead of as many as possible */ rate?: number },
): Promise<LoadResult> {
  const args = ['-c', String(options.connections), '-d', String(options.seconds), '-j'];
  if (options.rate !== undefined) args.push('-R', String(options.rate));
  if (options.method === 'POST') args.push('-m', 'POST', '-H', 'content-type=application/json', '-b', options.body ?? '');
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push('-H', `${name}=${value}`);
  if (!/^http:\/\/127\.0\.0\.1:/.test(url)) throw new Error(`benchmarks only target 127.0.0.1, not ${url}`);
  return new Promise((resolve, reject) => {
    const child = spawn('node_modules/.bin/autocannon', [...args, url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      const result = JSON.parse(stdout) as {
        requests: { average: number };
        latency: { p50: number; p99: number; average: number };
        errors: number;
        non2xx: number;
      };
      resolve({ requestsPerSecond: result.requests.average, p50Ms: result.latency.p50, p99Ms: result.latency.p99, meanMs: result.latency.average, errors: result.errors, non2xx: result.non2xx });
    });
  });
}
