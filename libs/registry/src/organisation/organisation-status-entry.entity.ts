import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { OrganisationEntity } from './organisation.entity.js';

export const ORGANISATION_STATUSES = ['ACTIVE', 'SUSPENDED', 'DEREGISTERED'] as const;
export type OrganisationStatus = (typeof ORGANISATION_STATUSES)[number];
export const OrganisationStatusEnum = { ACTIVE: 'ACTIVE', SUSPENDED: 'SUSPENDED', DEREGISTERED: 'DEREGISTERED' } as const;
registerEnumType(OrganisationStatusEnum, { name: 'OrganisationStatus' });

/** One entry of an organisation's append-only status history. */
@Entity({ name: 'organisation_status_entries' })
@ObjectType('OrganisationStatusEntry')
@Index('organisation_status_entries_organisation', ['organisationId', 'effectiveAt'])
export class OrganisationStatusEntryEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<OrganisationEntity>;

  @Field(() => OrganisationStatusEnum)
  @Column({ type: 'text' })
  status: OrganisationStatus;

  @Field({ description: 'When the status holds in the world.' })
  @Column({ name: 'effective_at', type: 'timestamptz' })
  effectiveAt: Date;

  @Field({ description: 'When the registry learned it.' })
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Field()
  @Column({ type: 'text' })
  reason: string;

  @Field({ description: 'ADMIN, QUALITY_AGENCY or PROVIDER' })
  @Column({ name: 'actor_role', type: 'text' })
  actorRole: string;

  @Column({ name: 'actor_key_id', type: 'text' })
  actorKeyId: string;
}
