import { Inject, Injectable } from '@nestjs/common';
import { type Engines, OutboxService } from '#platform';
import { InjectDataSource } from '@nestjs/typeorm';
import { Meilisearch } from 'meilisearch';
import type { DataSource } from 'typeorm';

export type EngineState = 'up' | 'down' | 'restarting';

/** Injection token of the embedded engines' supervised state (`Engines['state']`). */
export const ENGINE_STATE = Symbol('ENGINE_STATE');

export interface HealthReport {
  /**
   * `ok`: everything up; `degraded`: writes work but search does not; `restarting`: an embedded
   * engine died and is being started again (503 while it is PostgreSQL); `down`: PostgreSQL is
   * unreachable.
   */
  status: 'ok' | 'degraded' | 'restarting' | 'down';
  postgres: EngineState;
  meilisearch: EngineState;
  /** Age of the oldest change not yet in the search index; null when PostgreSQL cannot be asked. */
  indexLagSeconds: number | null;
}

const CHECK_TIMEOUT_MS = 2_000;

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly meilisearch: Meilisearch,
    private readonly outbox: OutboxService,
    @Inject(ENGINE_STATE) private readonly engineState: Engines['state'],
  ) {}

  async check(): Promise<HealthReport> {
    const [lag, meiliUp] = await Promise.all([
      withTimeout(this.outbox.lagSeconds()),
      withTimeout(this.meilisearch.health().then((h) => h.status === 'available')),
    ]);
    const restarting = (engine: 'postgres' | 'meilisearch') => this.engineState(engine) === 'restarting';
    const postgres: EngineState = lag !== undefined ? 'up' : restarting('postgres') ? 'restarting' : 'down';
    const meilisearch: EngineState = meiliUp ? 'up' : restarting('meilisearch') ? 'restarting' : 'down';
    return {
      status:
        postgres === 'down' ? 'down'
        : postgres === 'restarting' || meilisearch === 'restarting' ? 'restarting'
        : meilisearch === 'down' ? 'degraded'
        : 'ok',
      postgres,
      meilisearch,
      indexLagSeconds: lag ?? null,
    };
  }
}

/** The value, or undefined when the check failed or took longer than it may. */
async function withTimeout<T>(check: Promise<T>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([check.catch(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
