import { type DynamicModule, Module } from '@nestjs/common';
import type { Engines } from '#platform';
import { HealthController } from './health.controller.js';
import { HealthResolver } from './health.resolver.js';
import { ENGINE_STATE, HealthService } from './health.service.js';

@Module({})
export class HealthModule {
  /** `state`: the embedded engines' supervision, when this process runs them. */
  static forRoot(state: Engines['state'] = () => undefined): DynamicModule {
    return {
      module: HealthModule,
      controllers: [HealthController],
      providers: [HealthService, HealthResolver, { provide: ENGINE_STATE, useValue: state }],
    };
  }
}
