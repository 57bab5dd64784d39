import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Unmetered } from '#platform';
import { type HealthReport, HealthService } from './health.service.js';

/** Not metered: probes and load balancers poll it. */
@Unmetered()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** 200 while the api can serve writes (PostgreSQL up), 503 when it cannot (down, or restarting it). */
  @Get()
  async get(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    const report = await this.health.check();
    if (report.postgres !== 'up') void reply.status(503);
    return report;
  }
}
