import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { HistoryEntryEntity } from '#platform';
import { Column, Entity, Index } from 'typeorm';

/** What a key status entry is about. */
export const KEY_SUBJECT_TYPES = ['TRUST_ANCHOR', 'ISSUER_CERTIFICATE', 'ISSUER_DID'] as const;
export type KeySubjectType = (typeof KEY_SUBJECT_TYPES)[number];

export const KEY_STATUSES = ['ACTIVE', 'REVOKED'] as const;
export type KeyStatus = (typeof KEY_STATUSES)[number];
export const KeyStatusEnum = { ACTIVE: 'ACTIVE', REVOKED: 'REVOKED' } as const;
registerEnumType(KeyStatusEnum, { name: 'KeyStatus' });

/**
 * One entry of the append-only status history of a trust anchor, an issuer certificate or an
 * issuer DID (a trigger refuses updates and deletes). Revocation is final.
 */
@Entity({ name: 'key_status_entries' })
@ObjectType('KeyStatusEntry')
@Index('key_status_entries_subject', ['subjectType', 'subjectId', 'effectiveAt'])
export class KeyStatusEntryEntity extends HistoryEntryEntity {
  @Column({ name: 'subject_type', type: 'text' })
  subjectType: KeySubjectType;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  @Field(() => KeyStatusEnum)
  @Column({ type: 'text' })
  status: KeyStatus;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'actor_organisation_id', type: 'uuid', nullable: true })
  actorOrganisationId: string | null;
}
