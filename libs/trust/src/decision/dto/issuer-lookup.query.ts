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
    // The same bounds as IssuerTrustInput's fields (a DID up to 2048, an identifier 1–200 characters).
    if (identifier.trim() === '') throw DomainError.badInput([{ field: 'identifier', message: 'is empty: give a DID, a certificate SHA-256 or a legal identifier' }]);
    if (identifier.length > 2048) throw DomainError.badInput([{ field: 'identifier', message: 'is longer than 2048 characters' }]);
    if (identifier.startsWith('did:')) {
      if (!DID_SYNTAX.test(identifier)) throw DomainError.badInput([{ field: 'identifier', message: 'is not a well-formed DID' }]);
      return { did: identifier };
    }
    if (/^[0-9A-Fa-f]{64}$/.test(identifier)) return { certificateSha256: identifier.toLowerCase() };
    if (identifier.length > 200) throw DomainError.badInput([{ field: 'identifier', message: 'is longer than 200 characters' }]);
    return { organisationIdentifier: identifier };
  }
}
