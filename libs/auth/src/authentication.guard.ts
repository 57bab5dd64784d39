import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { requestOf } from '#platform';
import { ApiKeyService } from './api-key/api-key.service.js';

/**
 * Runs before every resolver and controller: works out who the caller is, once per request.
 * It lets every request through — what a caller may do is decided in the services.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(private readonly apiKeys: ApiKeyService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = requestOf(context);
    if (request.caller === undefined) request.caller = await this.apiKeys.authenticate(request.headers.authorization);
    return true;
  }
}
