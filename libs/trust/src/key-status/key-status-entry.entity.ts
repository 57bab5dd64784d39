import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

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
export class KeyStatusEntryEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType: KeySubjectType;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  @Field(() => KeyStatusEnum)
  @Column({ type: 'text' })
  status: KeyStatus;

  @Field({ description: 'When the status holds in the world.' })
  @Column({ name: 'effective_at', type: 'timestamptz' })
  effectiveAt: Date;

  @Field({ description: 'When the registry learned it.' })
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Field()
  @Column({ type: 'text' })
  reason: string;

  @Field()
  @Column({ name: 'actor_role', type: 'text' })
  actorRole: string;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'actor_organisation_id', type: 'uuid', nullable: true })
  actorOrganisationId: string | null;

  @Column({ name: 'actor_key_id', type: 'text' })
  actorKeyId: string;
}
