import { type DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CallerResolver, RateLimitGuard } from '#platform';
import { ApiKeyResolver } from './api-key/api-key.resolver.js';
import { ApiKeyService } from './api-key/api-key.service.js';
import { AuthenticationGuard } from './authentication.guard.js';

/**
 * API keys, the authentication of every request and then the anonymous budget (two global guards,
 * in this order: the budget needs to know whether the caller has a key). `directory` is the module that provides
 * `OrganisationDirectory` (the registry's), handed in by the composition root. Global, so that a
 * plain Fastify route anywhere can authenticate through the `CallerResolver` port.
 */
@Module({})
export class AuthModule {
  static forRoot(options: { directory: NonNullable<ModuleMetadata['imports']>[number] }): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: [options.directory],
      providers: [
        ApiKeyService,
        ApiKeyResolver,
        { provide: CallerResolver, useExisting: ApiKeyService },
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
      ],
      exports: [ApiKeyService, CallerResolver],
    };
  }
}
