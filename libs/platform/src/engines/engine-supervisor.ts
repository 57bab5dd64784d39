import { sleep } from './managed-process.js';

/** `up`: serving; `restarting`: died and being started again; `failed`: gave up; see EngineSupervisor. */
export type SupervisedState = 'up' | 'restarting' | 'failed';

export interface SupervisedEngine {
  port: number;
  whenExited(): Promise<void>;
  stop(): Promise<void>;
}

export type EngineEvent = (level: 'info' | 'warn' | 'error' | 'fatal', message: string) => void;

/** Waits before each restart attempt: 0.5 s, 1 s, 2 s, 4 s, 8 s, 8 s. */
export const RESTART_DELAYS_MS = [500, 1_000, 2_000, 4_000, 8_000, 8_000];

/**
 * Keeps one embedded engine running: when its process dies without being asked to stop, it is
 * started again on the same port and data, with back-off, until `RESTART_DELAYS_MS` is used up;
 * then it gives up and says what to do. Clients keep their address, so the pool and the indexer
 * reconnect by themselves.
 */
export class EngineSupervisor {
  private current: SupervisedEngine;
  private stopping = false;
  state: SupervisedState = 'up';

  constructor(
    readonly name: string,
    first: SupervisedEngine,
    private readonly restart: (port: number) => Promise<SupervisedEngine>,
    private readonly event: EngineEvent,
    private readonly delays: readonly number[] = RESTART_DELAYS_MS,
  ) {
    this.current = first;
    this.watch(first);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.current.stop();
  }

  private watch(engine: SupervisedEngine): void {
    void engine.whenExited().then(() => {
      if (!this.stopping) void this.revive(engine.port);
    });
  }

  private async revive(port: number): Promise<void> {
    this.state = 'restarting';
    this.event('error', `${this.name} exited unexpectedly; restarting it on port ${port}`);
    let lastError = '';
    for (const [attempt, delay] of this.delays.entries()) {
      await sleep(delay);
      if (this.stopping) return;
      try {
        this.current = await this.restart(port);
        if (this.stopping) {
          await this.current.stop();
          return;
        }
        this.state = 'up';
        this.event('info', `${this.name} is back on port ${port} after ${attempt + 1} attempt(s)`);
        this.watch(this.current);
        return;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
        this.event('warn', `${this.name} restart attempt ${attempt + 1} of ${this.delays.length} failed: ${lastError.split('\n')[0]}`);
      }
    }
    this.state = 'failed';
    this.event(
      'fatal',
      `${this.name} could not be restarted after ${this.delays.length} attempts; the api keeps serving what it can without it. ` +
        `Look at the last error (${lastError.split('\n')[0]}), check the disk and the data folder under DATA_DIR, then restart the api.`,
    );
  }
}
