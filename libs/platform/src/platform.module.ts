import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { Clock } from './clock.js';
import type { TesseraConfig } from './config/config.js';
import { TESSERA_CONFIG } from './config/config.token.js';
import { ErrorsFilter } from './errors/errors.filter.js';
import { AnonymousBudget } from './http/rate-limit.guard.js';
import { InputValidationPipe } from './validation/input-validation.pipe.js';

export { TESSERA_CONFIG };

/**
 * Registers what every request goes through — the validation pipe and the error filter — in the
 * module itself, so that the app a test builds behaves exactly like production.
 */
@Global()
@Module({})
export class PlatformModule {
  /** `clock`: another source of "now" than the system's (tests fix it); every part reads the time from it. */
  static forRoot(config: TesseraConfig, clock?: Clock): DynamicModule {
    return {
      module: PlatformModule,
      providers: [
        { provide: TESSERA_CONFIG, useValue: config },
        clock ? { provide: Clock, useValue: clock } : Clock,
        AnonymousBudget,
        { provide: APP_PIPE, useClass: InputValidationPipe },
        { provide: APP_FILTER, useClass: ErrorsFilter },
      ],
      exports: [TESSERA_CONFIG, Clock, AnonymousBudget],
    };
  }
}
