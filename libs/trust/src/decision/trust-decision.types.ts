import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { TRUST_REASON_CODES, TRUST_STATUSES, TRUST_WARNING_CODES, type TrustReasonCode, type TrustStatus, type TrustWarningCode } from '../evaluation/evaluate-trust.js';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
export const TrustStatusEnum = enumOf(TRUST_STATUSES);
registerEnumType(TrustStatusEnum, { name: 'TrustStatus' });
export const TrustReasonCodeEnum = enumOf(TRUST_REASON_CODES);
registerEnumType(TrustReasonCodeEnum, { name: 'TrustReasonCode', description: 'Why an issuer is not trusted; see docs/verifiers.md.' });
export const TrustWarningCodeEnum = enumOf(TRUST_WARNING_CODES);
registerEnumType(TrustWarningCodeEnum, { name: 'TrustWarningCode', description: 'Worth knowing; never changes the answer.' });

@ObjectType('TrustReason')
export class TrustReason {
  @Field(() => TrustReasonCodeEnum)
  code: TrustReasonCode;
  @Field()
  message: string;
}

@ObjectType('TrustWarning')
export class TrustWarning {
  @Field(() => TrustWarningCodeEnum)
  code: TrustWarningCode;
  @Field()
  message: string;
}

@ObjectType('DecisionOrganisation', { description: 'The issuer the question identified.' })
export class DecisionOrganisation {
  @Field(() => ID)
  id: string;
  @Field()
  legalName: string;
  @Field()
  legalIdentifier: string;
  @Field()
  country: string;
}

@ObjectType('DecisionCertificate', { description: 'The certificate the question named, as the registry knows or read it.' })
export class DecisionCertificate {
  @Field()
  sha256: string;
  @Field()
  subjectDn: string;
  @Field()
  issuerDn: string;
  @Field()
  notBefore: Date;
  @Field()
  notAfter: Date;
  @Field(() => String, { nullable: true })
  organizationIdentifier: string | null;
  @Field()
  qualifiedESeal: boolean;
  @Field()
  registered: boolean;
}

@ObjectType('DecisionAccreditation', { description: 'An accreditation that grants the trust.' })
export class DecisionAccreditation {
  @Field(() => ID)
  id: string;
  @Field(() => ID)
  accreditingAgentId: string;
  @Field()
  accreditingAgentName: string;
  @Field()
  type: string;
  @Field()
  title: string;
  @Field()
  decision: string;
  @Field()
  validFrom: Date;
  @Field(() => Date, { nullable: true })
  expiresAt: Date | null;
  @Field(() => Date, { nullable: true })
  reviewDate: Date | null;
}

@ObjectType('TrustDecision')
export class TrustDecision {
  @Field()
  trusted: boolean;
  @Field(() => TrustStatusEnum)
  status: TrustStatus;
  @Field(() => [TrustReason])
  reasons: TrustReason[];
  @Field(() => [TrustWarning])
  warnings: TrustWarning[];
  @Field(() => DecisionOrganisation, { nullable: true })
  organisation: DecisionOrganisation | null;
  @Field(() => DecisionCertificate, { nullable: true })
  certificate: DecisionCertificate | null;
  @Field(() => [DecisionAccreditation], { description: 'The accreditations that grant the trust.' })
  accreditations: DecisionAccreditation[];
  @Field({ description: 'The time the question was about.' })
  at: Date;
  @Field({ description: 'When the registry answered.' })
  evaluatedAt: Date;
  @Field(() => Date, { nullable: true, description: 'The earliest end among the certificate, the granting accreditations and the agency recognition.' })
  validUntil: Date | null;
  @Field(() => Int)
  registrySequence: number;
  @Field({ description: 'Compact JWS (ES256) over the query hash and this answer; keys at /trust/v1/keys.' })
  receipt: string;
}
