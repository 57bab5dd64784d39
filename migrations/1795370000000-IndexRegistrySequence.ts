import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The trust index catches up by registry sequence: find the changes after the one it last applied. */
export class IndexRegistrySequence1795370000000 implements MigrationInterface {
  name = 'IndexRegistrySequence1795370000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "audit_events_registry_sequence" ON "audit_events" ("registry_sequence") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."audit_events_registry_sequence"`);
  }
}
