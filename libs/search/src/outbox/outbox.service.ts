import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

@Injectable()
export class OutboxService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Seconds since the oldest change that Meilisearch has not received yet; 0 when none waits. */
  async lagSeconds(): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS lag
         FROM search_outbox WHERE processed_at IS NULL`,
    );
    return Math.max(0, Math.round(Number(row.lag) * 10) / 10);
  }
}
