import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { DomainError } from '#platform';
import type { CredentialVerification } from './credential-verification.types.js';
import { CredentialVerificationService } from './credential-verification.service.js';

/** `POST /trust/v1/credentials/verify`: the body is the credential file as received (DESIGN §8.1). */
@Controller('trust/v1/credentials')
export class CredentialVerificationController {
  constructor(private readonly verification: CredentialVerificationService) {}

  @Post('verify')
  @HttpCode(200)
  verify(@Body() body: unknown): Promise<CredentialVerification> {
    if (body === undefined || body === null || body === '') throw DomainError.badInput([{ field: 'credential', message: 'is missing: send the credential file as the request body' }]);
    // JSON bodies arrive parsed; the signed bytes of a b64:false payload are its string, unchanged by parsing.
    return this.verification.verify(typeof body === 'string' ? body : JSON.stringify(body));
  }
}
