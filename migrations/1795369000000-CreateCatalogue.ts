import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCatalogue1795369000000 implements MigrationInterface {
  name = 'CreateCatalogue1795369000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "learning_opportunities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "provider_id" uuid NOT NULL, "status" text NOT NULL, "title" jsonb NOT NULL, "description" jsonb NOT NULL DEFAULT '{}', "learning_outcomes" jsonb NOT NULL DEFAULT '[]', "eqf_level" integer, "qf_ehea_cycle" text, "nqf_level" text, "ects_credits" numeric(6,2), "workload_hours" integer, "isced_f_codes" text array NOT NULL DEFAULT '{}', "languages" text array NOT NULL DEFAULT '{}', "mode" text, "learning_setting" text, "type" text, "assessment_types" text array NOT NULL DEFAULT '{}', "supervision_verification" text, "quality_assurance" text, "prerequisites" text, "stackability" text, "stacks_towards" text, "grading_scheme" text, "price" jsonb, "free" boolean NOT NULL DEFAULT false, "funding_schemes" text array NOT NULL DEFAULT '{}', "location" jsonb, "start_date" TIMESTAMP WITH TIME ZONE, "end_date" TIMESTAMP WITH TIME ZONE, "application_deadline" TIMESTAMP WITH TIME ZONE, "schedule" text, "landing_page" text, "published_at" TIMESTAMP WITH TIME ZONE, "archived_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_4f6984a232c79c4b8a80875b048" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "learning_opportunities_provider" ON "learning_opportunities"  ("provider_id", "status") `);
    await queryRunner.query(`ALTER TABLE "learning_opportunities" ADD CONSTRAINT "FK_d275240cd8dcf9a3f1dba5e0409" FOREIGN KEY ("provider_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "learning_opportunities" DROP CONSTRAINT "FK_d275240cd8dcf9a3f1dba5e0409"`);
    await queryRunner.query(`DROP INDEX "public"."learning_opportunities_provider"`);
    await queryRunner.query(`DROP TABLE "learning_opportunities"`);
  }
}
