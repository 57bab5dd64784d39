import { type DynamicModule, Module } from '@nestjs/common';
import { Meilisearch } from 'meilisearch';
import { createMeilisearchClient, type MeilisearchConnection } from './meilisearch.client.js';
import { OutboxService } from './outbox/outbox.service.js';

/** Owns the Meilisearch connection and the outbox that feeds it. */
@Module({})
export class SearchModule {
  static forRoot(connection: MeilisearchConnection): DynamicModule {
    return {
      module: SearchModule,
      global: true,
      providers: [{ provide: Meilisearch, useFactory: () => createMeilisearchClient(connection) }, OutboxService],
      exports: [Meilisearch, OutboxService],
    };
  }
}
