import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { HistoryEntryEntity } from '#platform';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { OrganisationEntity } from './organisation.entity.js';

export const ORGANISATION_STATUSES = ['ACTIVE', 'SUSPENDED', 'DEREGISTERED'] as const;
export type OrganisationStatus = (typeof ORGANISATION_STATUSES)[number];
export const OrganisationStatusEnum = { ACTIVE: 'ACTIVE', SUSPENDED: 'SUSPENDED', DEREGISTERED: 'DEREGISTERED' } as const;
registerEnumType(OrganisationStatusEnum, { name: 'OrganisationStatus' });

/** One entry of an organisation's append-only status history. */
@Entity({ name: 'organisation_status_entries' })
@ObjectType('OrganisationStatusEntry')
@Index('organisation_status_entries_organisation', ['organisationId', 'effectiveAt'])
export class OrganisationStatusEntryEntity extends HistoryEntryEntity {
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<OrganisationEntity>;

  @Field(() => OrganisationStatusEnum)
  @Column({ type: 'text' })
  status: OrganisationStatus;
}
