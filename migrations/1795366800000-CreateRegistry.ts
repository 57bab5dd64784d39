import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables whose rows are history: once written, never updated or deleted. */
const APPEND_ONLY_TABLES = ['audit_events', 'accreditation_status_entries', 'organisation_status_entries'];

export class CreateRegistry1795366800000 implements MigrationInterface {
  name = 'CreateRegistry1795366800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "audit_events" ("id" BIGSERIAL NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_key_id" text NOT NULL, "actor_role" text NOT NULL, "actor_organisation_id" uuid, "action" text NOT NULL, "entity_type" text NOT NULL, "entity_id" uuid NOT NULL, "diff" jsonb NOT NULL, "registry_sequence" bigint NOT NULL, "previous_hash" text NOT NULL, "hash" text NOT NULL, CONSTRAINT "UQ_dd4e005a38b7965794e8d2b1472" UNIQUE ("hash"), CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "audit_events_entity" ON "audit_events"  ("entity_type", "entity_id") `);
    await queryRunner.query(`CREATE TABLE "api_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "role" text NOT NULL, "organisation_id" uuid, "token_sha256" text NOT NULL, "token_prefix" text NOT NULL, "created_by" text NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "UQ_c7177718c52f4d3842edc585e36" UNIQUE ("token_sha256"), CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "api_keys_organisation" ON "api_keys"  ("organisation_id") `);
    await queryRunner.query(`CREATE TABLE "organisations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "legal_name" text NOT NULL, "alternative_names" text array NOT NULL DEFAULT '{}', "country" text NOT NULL, "region" text, "legal_identifier" text NOT NULL, "other_identifiers" jsonb NOT NULL DEFAULT '[]', "homepage" text, "email" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "UQ_22e07fcc3f584aad3e0b2e16255" UNIQUE ("legal_identifier"), CONSTRAINT "PK_7bf54cba378d5b2f1d4c10ef4df" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "accreditations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "accredited_organisation_id" uuid NOT NULL, "accrediting_agent_id" uuid NOT NULL, "type" text NOT NULL, "title" text NOT NULL, "decision" text NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "valid_from" TIMESTAMP WITH TIME ZONE NOT NULL, "review_date" TIMESTAMP WITH TIME ZONE, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "report_url" text, "landing_page" text, "limit_eqf_levels" integer array NOT NULL DEFAULT '{}', "limit_fields" text array NOT NULL DEFAULT '{}', "limit_jurisdictions" text array NOT NULL DEFAULT '{}', "limit_opportunities" uuid array NOT NULL DEFAULT '{}', "supersedes_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_5b9449ae061c7c1bd458f4567a0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "accreditations_review" ON "accreditations"  ("review_date") `);
    await queryRunner.query(`CREATE INDEX "accreditations_agency" ON "accreditations"  ("accrediting_agent_id") `);
    await queryRunner.query(`CREATE INDEX "accreditations_provider" ON "accreditations"  ("accredited_organisation_id") `);
    await queryRunner.query(`CREATE TABLE "agency_recognitions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agency_id" uuid NOT NULL, "valid_from" TIMESTAMP WITH TIME ZONE NOT NULL, "valid_until" TIMESTAMP WITH TIME ZONE, "basis" text NOT NULL, "jurisdictions" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_7ae560611fd82ad5b868db79a52" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "agency_recognitions_agency" ON "agency_recognitions"  ("agency_id") `);
    await queryRunner.query(`CREATE TABLE "accreditation_status_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "accreditation_id" uuid NOT NULL, "status" text NOT NULL, "effective_at" TIMESTAMP WITH TIME ZONE NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "reason" text NOT NULL, "actor_role" text NOT NULL, "actor_organisation_id" uuid, "actor_key_id" text NOT NULL, CONSTRAINT "PK_7c805bc2a7919666069112f4ae1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "accreditation_status_entries_accreditation" ON "accreditation_status_entries"  ("accreditation_id", "effective_at") `);
    await queryRunner.query(`CREATE TABLE "organisation_status_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "status" text NOT NULL, "effective_at" TIMESTAMP WITH TIME ZONE NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "reason" text NOT NULL, "actor_role" text NOT NULL, "actor_key_id" text NOT NULL, CONSTRAINT "PK_979d5b42dd602fbc9562c8f23da" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "organisation_status_entries_organisation" ON "organisation_status_entries"  ("organisation_id", "effective_at") `);
    await queryRunner.query(`ALTER TABLE "accreditations" ADD CONSTRAINT "FK_dc02131ffd38f3b8a966b703098" FOREIGN KEY ("accredited_organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "accreditations" ADD CONSTRAINT "FK_14882a0c954c6594b6d8360b5a3" FOREIGN KEY ("accrediting_agent_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "accreditations" ADD CONSTRAINT "FK_924f048de09ff7f508a91bb74c7" FOREIGN KEY ("supersedes_id") REFERENCES "accreditations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "agency_recognitions" ADD CONSTRAINT "FK_427cdb29072074cda10ffabcfe3" FOREIGN KEY ("agency_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "accreditation_status_entries" ADD CONSTRAINT "FK_dec07958889a77c8b01a6e9961f" FOREIGN KEY ("accreditation_id") REFERENCES "accreditations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "organisation_status_entries" ADD CONSTRAINT "FK_8659d28794d9edc1b93d36d6d20" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`
      CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'rows of % are history and cannot be changed or removed', TG_TABLE_NAME
          USING ERRCODE = 'restrict_violation';
      END $$`);
    for (const table of APPEND_ONLY_TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER "${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION refuse_history_change()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of APPEND_ONLY_TABLES) await queryRunner.query(`DROP TRIGGER "${table}_append_only" ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION refuse_history_change()`);
    await queryRunner.query(`ALTER TABLE "organisation_status_entries" DROP CONSTRAINT "FK_8659d28794d9edc1b93d36d6d20"`);
    await queryRunner.query(`ALTER TABLE "accreditation_status_entries" DROP CONSTRAINT "FK_dec07958889a77c8b01a6e9961f"`);
    await queryRunner.query(`ALTER TABLE "agency_recognitions" DROP CONSTRAINT "FK_427cdb29072074cda10ffabcfe3"`);
    await queryRunner.query(`ALTER TABLE "accreditations" DROP CONSTRAINT "FK_924f048de09ff7f508a91bb74c7"`);
    await queryRunner.query(`ALTER TABLE "accreditations" DROP CONSTRAINT "FK_14882a0c954c6594b6d8360b5a3"`);
    await queryRunner.query(`ALTER TABLE "accreditations" DROP CONSTRAINT "FK_dc02131ffd38f3b8a966b703098"`);
    await queryRunner.query(`DROP INDEX "public"."organisation_status_entries_organisation"`);
    await queryRunner.query(`DROP TABLE "organisation_status_entries"`);
    await queryRunner.query(`DROP INDEX "public"."accreditation_status_entries_accreditation"`);
    await queryRunner.query(`DROP TABLE "accreditation_status_entries"`);
    await queryRunner.query(`DROP INDEX "public"."agency_recognitions_agency"`);
    await queryRunner.query(`DROP TABLE "agency_recognitions"`);
    await queryRunner.query(`DROP INDEX "public"."accreditations_provider"`);
    await queryRunner.query(`DROP INDEX "public"."accreditations_agency"`);
    await queryRunner.query(`DROP INDEX "public"."accreditations_review"`);
    await queryRunner.query(`DROP TABLE "accreditations"`);
    await queryRunner.query(`DROP TABLE "organisations"`);
    await queryRunner.query(`DROP INDEX "public"."api_keys_organisation"`);
    await queryRunner.query(`DROP TABLE "api_keys"`);
    await queryRunner.query(`DROP INDEX "public"."audit_events_entity"`);
    await queryRunner.query(`DROP TABLE "audit_events"`);
  }
}
