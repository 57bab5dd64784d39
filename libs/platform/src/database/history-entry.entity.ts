import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What every entry of an append-only status history has: when the status holds in the world,
 * when the registry learned it, why, and who said so. Subclasses add the subject and the status.
 */
@ObjectType({ isAbstract: true })
export abstract class HistoryEntryEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

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

  /** The API key (or `operator`) that made the change; kept for the record, not published. */
  @Column({ name: 'actor_key_id', type: 'text' })
  actorKeyId: string;
}
