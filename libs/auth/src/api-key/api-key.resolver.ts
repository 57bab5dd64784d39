import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';

import { type Caller, CurrentCaller, ParseIdPipe } from '#platform';

import { ApiKeyService } from './api-key.service.js';
import { ApiKeyType, CreateApiKeyInput, CreatedApiKeyType } from './api-key.types.js';

@Resolver(() => ApiKeyType)
export class ApiKeyResolver {
  constructor(private readonly service: ApiKeyService) {}

  @Mutation(() => CreatedApiKeyType, { description: 'ADMIN. Returns the token once.' })
  async createApiKey(@CurrentCaller() caller: Caller, @Args('input') input: CreateApiKeyInput): Promise<CreatedApiKeyType> {
    const { key, token } = await this.service.create(caller, input);
    return { apiKey: key, token };
  }

  @Mutation(() => ApiKeyType, { description: 'ADMIN. The token stops working at once.' })
  revokeApiKey(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }, ParseIdPipe) id: string): Promise<ApiKeyType> {
    return this.service.revoke(caller, id);
  }

  @Query(() => [ApiKeyType], { description: 'ADMIN. Every API key, revoked ones included.' })
  apiKeys(@CurrentCaller() caller: Caller): Promise<ApiKeyType[]> {
    return this.service.list(caller);
  }
}
