import { Args, Query, Resolver } from '@nestjs/graphql';
import { CredentialVerification, VerifyCredentialInput } from './credential-verification.types.js';
import { CredentialVerificationService } from './credential-verification.service.js';

@Resolver(() => CredentialVerification)
export class CredentialVerificationResolver {
  constructor(private readonly verification: CredentialVerificationService) {}

  @Query(() => CredentialVerification, { description: 'Verify a credential as received: signature, then the issuer\'s trust when it signed. Signed.' })
  verifyCredential(@Args('input') input: VerifyCredentialInput): Promise<CredentialVerification> {
    return this.verification.verify(input.credential);
  }
}
