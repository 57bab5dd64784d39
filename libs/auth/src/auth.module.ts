import { type DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyResolver } from './api-key/api-key.resolver.js';
import { ApiKeyService } from './api-key/api-key.service.js';
import { AuthenticationGuard } from './authentication.guard.js';

/**
 * API keys and the authentication of every request. `directory` is the module that provides
 * `OrganisationDirectory` (the registry's), handed in by the composition root.
 */
@Module({})
export class AuthModule {
  static forRoot(options: { directory: NonNullable<ModuleMetadata['imports']>[number] }): DynamicModule {
    return {
      module: AuthModule,
      imports: [options.directory],
      providers: [ApiKeyService, ApiKeyResolver, { provide: APP_GUARD, useClass: AuthenticationGuard }],
      exports: [ApiKeyService],
    };
  }
}
