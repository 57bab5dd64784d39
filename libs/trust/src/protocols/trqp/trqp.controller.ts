import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { RateLimitGuard } from '#platform';
import { TRQP_PATH } from './trqp-route.js';
import { type AuthorizationAnswer, type RecognitionAnswer, TrqpService } from './trqp.service.js';

/**
 * ToIP TRQP v2 (DESIGN §8.4): anonymous, on the one anonymous budget. The body is read by the
 * adapter (not the validation pipe) so that problems are named by their wire names.
 */
@Controller(TRQP_PATH.slice(1, -1))
@UseGuards(RateLimitGuard)
export class TrqpController {
  constructor(private readonly trqp: TrqpService) {}

  @Post('authorization')
  @HttpCode(200)
  authorization(@Body() body: unknown): Promise<AuthorizationAnswer> {
    return this.trqp.authorization(body);
  }

  @Post('recognition')
  @HttpCode(200)
  recognition(@Body() body: unknown): Promise<RecognitionAnswer> {
    return this.trqp.recognition(body);
  }
}
