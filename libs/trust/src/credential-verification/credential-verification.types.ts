import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';
import { TRUST_REASON_CODES, TRUST_WARNING_CODES } from '../evaluation/evaluate-trust.js';
import { TrustDecision } from '../decision/trust-decision.types.js';
import { CREDENTIAL_ANNEX_I_ELEMENTS, type CredentialAnnexIElement } from '#platform';

/** Largest credential accepted (DESIGN §8.1). */
export const MAX_CREDENTIAL_BYTES = 4 * 1024 * 1024;

export const CREDENTIAL_STATUSES = ['VERIFIED', 'NOT_TRUSTED', 'INVALID'] as const;
export type CredentialStatus = (typeof CREDENTIAL_STATUSES)[number];
export const VERIFICATION_REASON_CODES = [
  'SIGNATURE_INVALID',
  'CERTIFICATE_DIGEST_MISMATCH',
  'UNSUPPORTED_ALGORITHM',
  'UNSUPPORTED_CRITICAL_HEADER',
  'SIGNING_KEY_MISSING',
  'SIGNING_TIME_MISSING',
  'NOT_A_CREDENTIAL',
  'DID_NOT_RESOLVABLE',
] as const;
export const CREDENTIAL_REASON_CODES = [...VERIFICATION_REASON_CODES, ...TRUST_REASON_CODES] as const;
export type CredentialReasonCode = (typeof CREDENTIAL_REASON_CODES)[number];
export const CREDENTIAL_WARNING_CODES = ['SIGNING_TIME_ASSERTED', 'AWARDING_BODY_MISMATCH', ...TRUST_WARNING_CODES] as const;
export type CredentialWarningCode = (typeof CREDENTIAL_WARNING_CODES)[number];

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
export const CredentialStatusEnum = enumOf(CREDENTIAL_STATUSES);
registerEnumType(CredentialStatusEnum, { name: 'CredentialStatus' });
export const CredentialReasonCodeEnum = enumOf(CREDENTIAL_REASON_CODES);
registerEnumType(CredentialReasonCodeEnum, { name: 'CredentialReasonCode', description: 'Why a credential is not VERIFIED; see docs/verifiers.md.' });
export const CredentialWarningCodeEnum = enumOf(CREDENTIAL_WARNING_CODES);
registerEnumType(CredentialWarningCodeEnum, { name: 'CredentialWarningCode' });
export const CredentialAnnexIElementEnum = enumOf(CREDENTIAL_ANNEX_I_ELEMENTS);
registerEnumType(CredentialAnnexIElementEnum, { name: 'CredentialAnnexIElement', description: 'A mandatory element of Annex I that a credential carries.' });
export const SignatureFormatEnum = enumOf(['JADES', 'JWS'] as const);
registerEnumType(SignatureFormatEnum, { name: 'SignatureFormat' });

@InputType()
export class VerifyCredentialInput {
  @Field({ description: 'The credential exactly as received: a JAdES JWS JSON serialisation, or a compact JWS.' })
  @IsString()
  @Length(1, MAX_CREDENTIAL_BYTES)
  credential: string;
}

@ObjectType('CredentialReason')
export class CredentialReason {
  @Field(() => CredentialReasonCodeEnum)
  code: CredentialReasonCode;
  @Field()
  message: string;
}

@ObjectType('CredentialWarning')
export class CredentialWarning {
  @Field(() => CredentialWarningCodeEnum)
  code: CredentialWarningCode;
  @Field()
  message: string;
}

@ObjectType('SignatureCertificate')
export class SignatureCertificate {
  @Field()
  sha256: string;
  @Field()
  subject: string;
  @Field(() => String, { nullable: true })
  organizationIdentifier: string | null;
  @Field()
  notBefore: Date;
  @Field()
  notAfter: Date;
  @Field()
  qualifiedESeal: boolean;
}

@ObjectType('CredentialSignature')
export class CredentialSignature {
  @Field(() => SignatureFormatEnum)
  format: 'JADES' | 'JWS';
  @Field(() => String, { nullable: true })
  algorithm: string | null;
  @Field(() => Date, { nullable: true, description: 'The signing time the signature carries (sigT, iat).' })
  signedAt: Date | null;
  @Field(() => SignatureCertificate, { nullable: true })
  certificate: SignatureCertificate | null;
  @Field(() => String, { nullable: true })
  did: string | null;
}

@ObjectType('CredentialAnnexI')
export class CredentialAnnexI {
  @Field()
  complete: boolean;
  @Field(() => [CredentialAnnexIElementEnum])
  missing: CredentialAnnexIElement[];
}

@ObjectType('CredentialSummary', { description: 'What the credential claims; never stored.' })
export class CredentialSummary {
  @Field(() => String, { nullable: true })
  id: string | null;
  @Field(() => [String])
  types: string[];
  @Field(() => Date, { nullable: true })
  issuedAt: Date | null;
  @Field(() => String, { nullable: true })
  title: string | null;
  @Field(() => String, { nullable: true })
  awardingBody: string | null;
  @Field(() => Int, { nullable: true })
  eqfLevel: number | null;
  @Field(() => [String])
  iscedFCodes: string[];
  @Field(() => CredentialAnnexI)
  annexI: CredentialAnnexI;
}

@ObjectType('CredentialVerification')
export class CredentialVerification {
  @Field(() => CredentialStatusEnum)
  status: CredentialStatus;
  @Field(() => [CredentialReason])
  reasons: CredentialReason[];
  @Field(() => [CredentialWarning])
  warnings: CredentialWarning[];
  @Field(() => CredentialSignature, { nullable: true })
  signature: CredentialSignature | null;
  @Field(() => CredentialSummary, { nullable: true })
  credential: CredentialSummary | null;
  @Field(() => TrustDecision, { nullable: true, description: 'The trust decision for the signing key at the signing time, scoped by the credential.' })
  trust: TrustDecision | null;
  @Field({ description: 'SHA-256 (hex) of the credential as received.' })
  credentialSha256: string;
  @Field({ description: 'Compact JWS (ES256) over the credential hash and this answer; keys at /trust/v1/keys.' })
  receipt: string;
}
