import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Imported accreditations and opportunities keep their ELM `@id`, so that a second import of the same document updates them (DESIGN §8.3). */
export class ElmIds1796226092639 implements MigrationInterface {
  name = 'ElmIds1796226092639';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "accreditations" ADD "elm_id" text`);
    await queryRunner.query(`CREATE UNIQUE INDEX "accreditations_elm_id" ON "accreditations" ("elm_id") `);
    await queryRunner.query(`ALTER TABLE "learning_opportunities" ADD "elm_id" text`);
    await queryRunner.query(`CREATE UNIQUE INDEX "learning_opportunities_elm_id" ON "learning_opportunities" ("elm_id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."learning_opportunities_elm_id"`);
    await queryRunner.query(`ALTER TABLE "learning_opportunities" DROP COLUMN "elm_id"`);
    await queryRunner.query(`DROP INDEX "public"."accreditations_elm_id"`);
    await queryRunner.query(`ALTER TABLE "accreditations" DROP COLUMN "elm_id"`);
  }
}
