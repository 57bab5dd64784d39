import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { HistoryEntryEntity } from '#platform';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { AccreditationEntity } from './accreditation.entity.js';

export const ACCREDITATION_STATUSES = ['ACTIVE', 'SUSPENDED', 'WITHDRAWN', 'SUPERSEDED'] as const;
export type AccreditationStatus = (typeof ACCREDITATION_STATUSES)[number];
export const AccreditationStatusEnum = Object.fromEntries(ACCREDITATION_STATUSES.map((s) => [s, s])) as {
  [K in AccreditationStatus]: K;
};
registerEnumType(AccreditationStatusEnum, { name: 'AccreditationStatus' });

/** One entry of an accreditation's append-only status history (a trigger refuses updates and deletes). */
@Entity({ name: 'accreditation_status_entries' })
@ObjectType('AccreditationStatusEntry')
@Index('accreditation_status_entries_accreditation', ['accreditationId', 'effectiveAt'])
export class AccreditationStatusEntryEntity extends HistoryEntryEntity {
  @Field(() => ID)
  @Column({ name: 'accreditation_id', type: 'uuid' })
  accreditationId: string;

  @ManyToOne(() => AccreditationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'accreditation_id' })
  accreditation?: Relation<AccreditationEntity>;

  @Field(() => AccreditationStatusEnum)
  @Column({ type: 'text' })
  status: AccreditationStatus;

  @Field(() => ID, { nullable: true, description: 'The agency that made the change; none for the operator.' })
  @Column({ name: 'actor_organisation_id', type: 'uuid', nullable: true })
  actorOrganisationId: string | null;
}
