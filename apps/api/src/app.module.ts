import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { type Clock, dataSourceOptions, type Engines, formatGraphQLErrors, maxCostRule, OutboxModule, PlatformModule, type TesseraConfig } from '#platform';
import { AuditModule } from '#audit';
import { AuthModule } from '#auth';
import { CatalogueModule } from '#catalogue';
import { ElmModule } from '#elm';
import { NotificationsModule, type NotificationOptions } from '#notifications';
import { RegistryModule } from '#registry';
import { SearchIndexerModule, SearchModule } from '#search';
import { TrustModule } from '#trust';
import { DATABASE_SCHEMA } from './database-schema.js';
import { HealthModule } from './health/health.module.js';

/** Where the engines are for this process; see `startEngines`. */
export interface EngineConnections {
  databaseUrl: string;
  meiliUrl: string;
  meiliMasterKey?: string;
  /** Embedded engines' supervised state (see `startEngines`), for /health; absent when nothing is supervised. */
  state?: Engines['state'];
}

/** How parts of the api run, beyond the configuration: production uses the defaults; tests shorten times here. */
export interface AppOptions {
  notifications?: Partial<NotificationOptions>;
  /** Where "now" comes from (default: the system clock); tests of time rules fix it. */
  clock?: Clock;
  /**
   * Whether the api collects its heap when idle (default: yes; memory/idle-collection.ts). Off in
   * the end-to-end tests: there the heap is the test runner's, shared by every app of the worker,
   * and a collection of it would pause them all for nothing the test is about.
   */
  idleCollection?: boolean;
}

/** GraphQL limits (DESIGN §6): deeper or costlier operations are refused before they run. */
export const GRAPHQL_MAX_DEPTH = 10;
export const GRAPHQL_MAX_COST = 5_000;

@Module({})
export class AppModule {
  static forRoot(config: TesseraConfig, engines: EngineConnections, options: AppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(config, options.clock),
        TypeOrmModule.forRoot(dataSourceOptions(engines.databaseUrl, DATABASE_SCHEMA)),
        OutboxModule,
        SearchModule.forRoot({ url: engines.meiliUrl, masterKey: engines.meiliMasterKey, indexPrefix: config.meiliIndexPrefix }),
        GraphQLModule.forRoot<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          graphiql: false,
          jit: 1,
          queryDepth: GRAPHQL_MAX_DEPTH,
          validationRules: [maxCostRule(GRAPHQL_MAX_COST)],
          errorFormatter: formatGraphQLErrors,
          // A field's own arguments are validated too; its refusal must reach the caller as one.
          fieldResolverEnhancers: ['filters'],
        }),
        AuditModule,
        AuthModule.forRoot({ directory: RegistryModule }),
        RegistryModule,
        TrustModule,
        CatalogueModule,
        ElmModule,
        SearchIndexerModule.forRoot({ documents: CatalogueModule }),
        NotificationsModule.forRoot(options.notifications),
        HealthModule.forRoot(engines.state),
      ],
    };
  }
}
