import type { LoggerService } from '@nestjs/common';
import { type DestinationStream, pino, type Logger as Pino } from 'pino';
import type { LogLevel } from '../config/config.js';

/**
 * Structured JSON logs, one object a line, on stdout. Fastify logs each request through the same
 * instance with its request id (`reqId`), and Nest's own messages come through `NestJsonLogger`.
 * `destination` exists for tests that must read what the api logs (e.g. that no credential does).
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Pino {
  const options = {
    level,
    base: { service: 'tessera' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Tokens and keys must never reach a log line.
    redact: { paths: ['req.headers.authorization', 'headers.authorization'], censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}

export class NestJsonLogger implements LoggerService {
  constructor(private readonly pinoLogger: Pino) {}

  log(message: unknown, context?: string) {
    this.write('info', message, context);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.write('error', message, rest.find((r) => typeof r === 'string') as string | undefined);
  }
  warn(message: unknown, context?: string) {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string) {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string) {
    this.write('trace', message, context);
  }
  fatal(message: unknown, context?: string) {
    this.write('fatal', message, context);
  }

  private write(level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace', message: unknown, context?: string) {
    if (message !== null && typeof message === 'object') this.pinoLogger[level]({ context, ...message });
    else this.pinoLogger[level]({ context }, String(message));
  }
}
