import { type ChildProcess, spawn, type SpawnOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname } from 'node:path';

/**
 * A child process that an engine runs in. It is started in its own process group so that a
 * Ctrl-C in the terminal reaches only the api, which then closes its connections first and stops
 * the engines itself, in order.
 */
export class ManagedProcess {
  private readonly recentOutput: string[] = [];
  private readonly exited: Promise<void>;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    onOutput: (line: string) => void,
  ) {
    this.exited = new Promise((resolveExit) => child.once('exit', () => resolveExit()));
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() === '') continue;
        this.recentOutput.push(line);
        if (this.recentOutput.length > 40) this.recentOutput.shift();
        onOutput(line);
      }
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  static start(
    name: string,
    command: string,
    args: string[],
    options: SpawnOptions,
    onOutput: (line: string) => void,
  ): ManagedProcess {
    const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    // Without this an engine that fails to spawn would crash the api with an unhandled 'error'.
    child.on('error', (error) => onOutput(`${name} could not be started: ${error.message}`));
    return new ManagedProcess(name, child, onOutput);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get hasExited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** The last lines the process printed, for error messages. */
  get output(): string {
    return this.recentOutput.join('\n');
  }

  /**
   * Resolves when the process exits, however it ends. Whatever it left behind in its process group
   * (PostgreSQL's backends outlive a killed postmaster for a moment and hold its shared memory) is
   * killed too, so that a restart on the same data is not refused.
   */
  whenExited(): Promise<void> {
    return this.exited.then(() => {
      try {
        if (this.child.pid) process.kill(-this.child.pid, 'SIGKILL');
      } catch {
        // the group is already empty
      }
    });
  }

  /** Asks the process to stop with `signal`; kills it when it has not exited after `graceMs`. */
  async stop(signal: NodeJS.Signals, graceMs: number): Promise<void> {
    if (this.hasExited) return;
    this.child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      this.exited.then(() => false),
      new Promise<boolean>((resolveTimeout) => (timer = setTimeout(() => resolveTimeout(true), graceMs))),
    ]);
    clearTimeout(timer);
    if (timedOut && !this.hasExited) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolveSleep) => setTimeout(resolveSleep, ms));
}

/** A TCP port that is free on 127.0.0.1 right now. */
export function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolvePort(address.port);
        else reject(new Error('could not find a free port'));
      });
    });
  });
}

/**
 * A secret kept in a file readable only by its owner: read it when present, otherwise generate and
 * store it. `created` tells whether this call made it (so it can be shown once).
 */
export function readOrCreateSecret(file: string, generate: () => string = () => randomBytes(32).toString('hex')): {
  value: string;
  created: boolean;
} {
  if (existsSync(file)) return { value: readFileSync(file, 'utf8').trim(), created: false };
  mkdirSync(dirname(file), { recursive: true });
  const value = generate();
  writeFileSync(file, value + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return { value, created: true };
}

/** True when a process with this pid is alive (and visible to us). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Stops a process left behind by an earlier run that was killed before it could stop its engines. */
export async function stopLeftoverProcess(pid: number, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  if (!isProcessAlive(pid)) return;
  process.kill(pid, signal);
  const deadline = Date.now() + graceMs;
  while (isProcessAlive(pid) && Date.now() < deadline) await sleep(100);
  if (isProcessAlive(pid)) process.kill(pid, 'SIGKILL');
}

/** The command line of a running process ('' when there is none), to tell our engines from a reused pid. */
export function commandLineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}
