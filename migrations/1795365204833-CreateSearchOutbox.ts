import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSearchOutbox1795365204833 implements MigrationInterface {
  name = 'CreateSearchOutbox1795365204833';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "search_outbox" (
        "id" BIGSERIAL NOT NULL,
        "topic" text NOT NULL,
        "aggregate_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "attempts" integer NOT NULL DEFAULT 0,
        "last_error" text,
        "processed_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_search_outbox" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "search_outbox_pending" ON "search_outbox" ("next_attempt_at") WHERE "processed_at" IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "search_outbox"`);
  }
}
