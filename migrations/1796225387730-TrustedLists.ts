import type { MigrationInterface, QueryRunner } from 'typeorm';

/** ETSI trusted lists (DESIGN §8.2): the imported lists, and where a trust anchor comes from. */
export class TrustedLists1796225387730 implements MigrationInterface {
  name = 'TrustedLists1796225387730';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "trusted_lists" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "territory" text NOT NULL, "sequence_number" integer NOT NULL, "version_identifier" integer NOT NULL, "type" text NOT NULL, "list_of_lists" boolean NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "next_update" TIMESTAMP WITH TIME ZONE, "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sha256" text NOT NULL, "signer_sha256" text NOT NULL, "signer_subject_dn" text NOT NULL, "pointers" jsonb NOT NULL DEFAULT '[]', "anchor_ids" uuid array NOT NULL DEFAULT '{}', CONSTRAINT "trusted_lists_territory_sequence" UNIQUE ("territory", "sequence_number"), CONSTRAINT "PK_53774a8022e195f42815db67384" PRIMARY KEY ("id"))`,
    );
    // An import is a record of what was read: like a history, never changed (refuse_history_change: CreateRegistry).
    await queryRunner.query(`CREATE TRIGGER "trusted_lists_append_only" BEFORE UPDATE OR DELETE ON "trusted_lists" FOR EACH ROW EXECUTE FUNCTION refuse_history_change()`);
    await queryRunner.query(`ALTER TABLE "trust_anchors" ADD "source" text NOT NULL DEFAULT 'OPERATOR'`);
    await queryRunner.query(`ALTER TABLE "trust_anchors" ADD "territory" text`);
    await queryRunner.query(`ALTER TABLE "trust_anchors" ADD "service_name" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "trust_anchors" DROP COLUMN "service_name"`);
    await queryRunner.query(`ALTER TABLE "trust_anchors" DROP COLUMN "territory"`);
    await queryRunner.query(`ALTER TABLE "trust_anchors" DROP COLUMN "source"`);
    await queryRunner.query(`DROP TRIGGER "trusted_lists_append_only" ON "trusted_lists"`);
    await queryRunner.query(`DROP TABLE "trusted_lists"`);
  }
}
