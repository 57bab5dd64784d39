import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTrust1795368000000 implements MigrationInterface {
  name = 'CreateTrust1795368000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "trust_anchors" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pem" text NOT NULL, "sha256" text NOT NULL, "subject_dn" text NOT NULL, "issuer_dn" text NOT NULL, "not_before" TIMESTAMP WITH TIME ZONE NOT NULL, "not_after" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "UQ_219302faae2e9f27edd2d2d2f4f" UNIQUE ("sha256"), CONSTRAINT "PK_8982f35b024cb1edffd6109dacd" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "issuer_certificates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "pem" text NOT NULL, "intermediates_pem" text, "sha256" text NOT NULL, "subject_dn" text NOT NULL, "issuer_dn" text NOT NULL, "serial_number" text NOT NULL, "not_before" TIMESTAMP WITH TIME ZONE NOT NULL, "not_after" TIMESTAMP WITH TIME ZONE NOT NULL, "organization_identifier" text, "key_usage_allows_signing" boolean NOT NULL, "qualified_e_seal" boolean NOT NULL, "anchor_id" uuid, "chain_validity" jsonb NOT NULL DEFAULT '[]', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "UQ_52eda25e6759fad56cca1e4d645" UNIQUE ("sha256"), CONSTRAINT "PK_24a35e5a227da1735e88fecd4b2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "issuer_certificates_organisation" ON "issuer_certificates"  ("organisation_id") `);
    await queryRunner.query(`CREATE TABLE "issuer_dids" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "did" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "UQ_83c3874b46f2fb1bc5223f761c1" UNIQUE ("did"), CONSTRAINT "PK_a71821f11b1999c34c7f4255927" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "issuer_dids_organisation" ON "issuer_dids"  ("organisation_id") `);
    await queryRunner.query(`CREATE TABLE "key_status_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "subject_type" text NOT NULL, "subject_id" uuid NOT NULL, "status" text NOT NULL, "effective_at" TIMESTAMP WITH TIME ZONE NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "reason" text NOT NULL, "actor_role" text NOT NULL, "actor_organisation_id" uuid, "actor_key_id" text NOT NULL, CONSTRAINT "PK_8d51eb3dde68b96151433d0ea5a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "key_status_entries_subject" ON "key_status_entries"  ("subject_type", "subject_id", "effective_at") `);
    await queryRunner.query(`ALTER TABLE "issuer_certificates" ADD CONSTRAINT "FK_b3a69231f7e5608435e2fe912fd" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "issuer_certificates" ADD CONSTRAINT "FK_6a9eacc4a2de3e8b3b8b138a5dd" FOREIGN KEY ("anchor_id") REFERENCES "trust_anchors"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "issuer_dids" ADD CONSTRAINT "FK_82506c70a812aa685fbc20dd191" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // Key status histories are history, like the registry's (refuse_history_change: CreateRegistry).
    await queryRunner.query(
      `CREATE TRIGGER "key_status_entries_append_only" BEFORE UPDATE OR DELETE ON "key_status_entries" FOR EACH ROW EXECUTE FUNCTION refuse_history_change()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "key_status_entries_append_only" ON "key_status_entries"`);
    await queryRunner.query(`ALTER TABLE "issuer_dids" DROP CONSTRAINT "FK_82506c70a812aa685fbc20dd191"`);
    await queryRunner.query(`ALTER TABLE "issuer_certificates" DROP CONSTRAINT "FK_6a9eacc4a2de3e8b3b8b138a5dd"`);
    await queryRunner.query(`ALTER TABLE "issuer_certificates" DROP CONSTRAINT "FK_b3a69231f7e5608435e2fe912fd"`);
    await queryRunner.query(`DROP INDEX "public"."key_status_entries_subject"`);
    await queryRunner.query(`DROP TABLE "key_status_entries"`);
    await queryRunner.query(`DROP INDEX "public"."issuer_dids_organisation"`);
    await queryRunner.query(`DROP TABLE "issuer_dids"`);
    await queryRunner.query(`DROP INDEX "public"."issuer_certificates_organisation"`);
    await queryRunner.query(`DROP TABLE "issuer_certificates"`);
    await queryRunner.query(`DROP TABLE "trust_anchors"`);
  }
}
