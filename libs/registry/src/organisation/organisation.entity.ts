import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { RecordEntity } from '#platform';
import { Column, Entity } from 'typeorm';

export const ORGANISATION_KINDS = ['PROVIDER', 'QUALITY_AGENCY'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const OrganisationKindEnum = { PROVIDER: 'PROVIDER', QUALITY_AGENCY: 'QUALITY_AGENCY' } as const;
registerEnumType(OrganisationKindEnum, { name: 'OrganisationKind' });

export const OTHER_IDENTIFIER_SCHEMES = ['DEQAR', 'ETER', 'ERASMUS', 'PIC', 'SCHAC', 'VAT', 'NATIONAL'] as const;
export type OtherIdentifierScheme = (typeof OTHER_IDENTIFIER_SCHEMES)[number];
export const OtherIdentifierSchemeEnum = Object.fromEntries(OTHER_IDENTIFIER_SCHEMES.map((s) => [s, s])) as {
  [K in OtherIdentifierScheme]: K;
};
registerEnumType(OtherIdentifierSchemeEnum, { name: 'OtherIdentifierScheme' });

@ObjectType('OtherIdentifier')
export class OtherIdentifier {
  @Field(() => OtherIdentifierSchemeEnum)
  scheme: OtherIdentifierScheme;
  @Field()
  value: string;
}

/** A learning provider or a quality-assurance agency (DESIGN §2). */
@Entity({ name: 'organisations' })
@ObjectType('Organisation')
export class OrganisationEntity extends RecordEntity {
  @Field(() => OrganisationKindEnum)
  @Column({ type: 'text' })
  kind: OrganisationKind;

  @Field()
  @Column({ name: 'legal_name', type: 'text' })
  legalName: string;

  @Field(() => [String])
  @Column({ name: 'alternative_names', type: 'text', array: true, default: () => "'{}'" })
  alternativeNames: string[];

  @Field({ description: 'ISO 3166-1 alpha-2' })
  @Column({ type: 'text' })
  country: string;

  @Field(() => String, { nullable: true, description: 'NUTS code' })
  @Column({ type: 'text', nullable: true })
  region: string | null;

  @Field({ description: 'The eIDAS organizationIdentifier form, e.g. VATES-A00000000.' })
  @Column({ name: 'legal_identifier', type: 'text', unique: true })
  legalIdentifier: string;

  @Field(() => [OtherIdentifier])
  @Column({ name: 'other_identifiers', type: 'jsonb', default: () => "'[]'" })
  otherIdentifiers: OtherIdentifier[];

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  homepage: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  email: string | null;


}
