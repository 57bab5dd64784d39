import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { TrustedListPointer } from './trusted-list.parser.js';

/** One imported ETSI TS 119 612 trusted list (or list of trusted lists): what was read and whom it was signed by. Never changed. */
@Entity({ name: 'trusted_lists' })
@ObjectType('TrustedList')
@Unique('trusted_lists_territory_sequence', ['territory', 'sequenceNumber'])
export class TrustedListEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'SchemeTerritory: a country code, or EU for the list of trusted lists.' })
  @Column({ type: 'text' })
  territory: string;

  @Field(() => Int, { description: 'TSLSequenceNumber; it only grows per territory.' })
  @Column({ name: 'sequence_number', type: 'integer' })
  sequenceNumber: number;

  @Field(() => Int, { description: 'TSLVersionIdentifier (5 or 6).' })
  @Column({ name: 'version_identifier', type: 'integer' })
  versionIdentifier: number;

  @Field({ description: 'TSLType' })
  @Column({ type: 'text' })
  type: string;

  @Field({ description: 'A list of trusted lists (the EU LOTL): its pointers name the signers of the national lists.' })
  @Column({ name: 'list_of_lists', type: 'boolean' })
  listOfLists: boolean;

  @Field({ description: 'ListIssueDateTime' })
  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt: Date;

  @Field(() => Date, { nullable: true, description: 'NextUpdate; null for a closed list.' })
  @Column({ name: 'next_update', type: 'timestamptz', nullable: true })
  nextUpdate: Date | null;

  @Field({ description: 'When this registry imported it.' })
  @CreateDateColumn({ name: 'imported_at', type: 'timestamptz' })
  importedAt: Date;

  @Field({ description: 'SHA-256 of the XML as imported, lower-case hex.' })
  @Column({ type: 'text' })
  sha256: string;

  @Field({ description: 'SHA-256 of the certificate whose key verified the list signature.' })
  @Column({ name: 'signer_sha256', type: 'text' })
  signerSha256: string;

  @Field()
  @Column({ name: 'signer_subject_dn', type: 'text' })
  signerSubjectDn: string;

  /** A LOTL's pointers (territory, location, MIME type, signer certificates); empty for a national list. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  pointers: TrustedListPointer[];

  /** The trust anchors this list lists (its CA/QC services for eSeals). */
  @Column({ name: 'anchor_ids', type: 'uuid', array: true, default: () => "'{}'" })
  anchorIds: string[];
}
