import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Role } from '#platform';

/** An API token, stored only as its SHA-256: the token itself is shown once, when created. */
@Entity({ name: 'api_keys' })
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  role: Role;

  /** The organisation a QUALITY_AGENCY or PROVIDER key acts for; null for ADMIN keys. */
  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  @Index('api_keys_organisation')
  organisationId: string | null;

  @Column({ name: 'token_sha256', type: 'text', unique: true })
  tokenSha256: string;

  /** The first characters of the token, so that an operator can tell keys apart. */
  @Column({ name: 'token_prefix', type: 'text' })
  tokenPrefix: string;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
