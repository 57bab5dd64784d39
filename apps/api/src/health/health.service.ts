import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OutboxService } from '#search';
import { Meilisearch } from 'meilisearch';
import type { DataSource } from 'typeorm';

export type EngineState = 'up' | 'down';

export interface HealthReport {
  /** `ok`: everything up; `degraded`: writes work but search does not; `down`: PostgreSQL is unreachable. */
  status: 'ok' | 'degraded' | 'down';
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
  ) {}

  async check(): Promise<HealthReport> {
    const [lag, meiliUp] = await Promise.all([
      withTimeout(this.outbox.lagSeconds()),
      withTimeout(this.meilisearch.health().then((h) => h.status === 'available')),
    ]);
    const postgres: EngineState = lag === undefined ? 'down' : 'up';
    const meilisearch: EngineState = meiliUp ? 'up' : 'down';
    return {
      status: postgres === 'down' ? 'down' : meilisearch === 'down' ? 'degraded' : 'ok',
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
