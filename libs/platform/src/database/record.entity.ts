import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** What every record has (DESIGN §2): a UUID, when it was created and last changed, and a version. */
@ObjectType({ isAbstract: true })
export abstract class RecordEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Field(() => Int, { description: 'For optimistic concurrency: pass it back with a change; a stale one is a CONFLICT.' })
  @VersionColumn()
  version: number;
}
