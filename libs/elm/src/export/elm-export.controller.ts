import { Controller, Get, Header, Param, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ParseIdPipe } from '#platform';
import { ElmExportService } from './elm-export.service.js';

const LD_JSON = 'application/ld+json; charset=utf-8';

/** ELM v3 JSON-LD of what the registry and catalogue hold (DESIGN §8.3); errors are problem+json. */
@Controller('elm/v3')
export class ElmExportController {
  constructor(private readonly exports: ElmExportService) {}

  @Get('organisations/:id')
  @Header('content-type', LD_JSON)
  organisation(@Param('id', ParseIdPipe) id: string): Promise<object> {
    return this.exports.organisation(id);
  }

  @Get('accreditations/:id')
  @Header('content-type', LD_JSON)
  accreditation(@Param('id', ParseIdPipe) id: string): Promise<object> {
    return this.exports.accreditation(id);
  }

  @Get('learning-opportunities/:id')
  @Header('content-type', LD_JSON)
  learningOpportunity(@Param('id', ParseIdPipe) id: string, @Req() request: FastifyRequest): Promise<object> {
    return this.exports.learningOpportunity(id, `${request.protocol}://${request.host}/elm/v3/learning-opportunities/${id}`);
  }
}
