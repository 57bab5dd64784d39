import { Type } from 'class-transformer';
import { IsDate, IsOptional } from 'class-validator';
import { DomainError, IsCountryCode, IsEqfLevel, IsIscedFCode } from '#platform';
import { DID_SYNTAX, type IssuerTrustInput } from './issuer-trust.input.js';

/** The query string of GET /trust/v1/issuers/{identifier}. */
export class IssuerLookupQuery {
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'must be an ISO 8601 date-time' })
  at?: Date;

  @IsOptional()
  @Type(() => Number)
  @IsEqfLevel()
  eqfLevel?: number;

  @IsOptional()
  @IsIscedFCode()
  iscedFCode?: string;

  @IsOptional()
  @IsCountryCode()
  country?: string;

  /** Which kind of identity the path names: a DID, a fingerprint, or else an organisation identifier. */
  static identity(identifier: string): Partial<IssuerTrustInput> {
    if (identifier.startsWith('did:')) {
      if (!DID_SYNTAX.test(identifier)) throw DomainError.badInput([{ field: 'identifier', message: 'is not a well-formed DID' }]);
      return { did: identifier };
    }
    if (/^[0-9A-Fa-f]{64}$/.test(identifier)) return { certificateSha256: identifier.toLowerCase() };
    return { organisationIdentifier: identifier };
  }
}
