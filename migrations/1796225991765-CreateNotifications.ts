import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Change notifications (libs/notifications): subscriptions, deliveries and their attempts, the audit-log cursor, review-due notices. */
export class CreateNotifications1796225991765 implements MigrationInterface {
  name = 'CreateNotifications1796225991765';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "webhook_subscriptions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "url" text NOT NULL,
        "events" text array NOT NULL,
        "organisation_ids" uuid array NOT NULL,
        "owner_key_id" text NOT NULL,
        "owner_role" text NOT NULL,
        "owner_organisation_id" uuid,
        "starts_after_audit_event_id" bigint NOT NULL,
        "disabled_at" TIMESTAMP WITH TIME ZONE,
        "disabled_reason" text,
        "leased_until" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_bf631ae77d39849d599817fb6f4" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "webhook_subscriptions_owner" ON "webhook_subscriptions" ("owner_key_id")`);
    await queryRunner.query(`
      CREATE TABLE "webhook_deliveries" (
        "id" BIGSERIAL NOT NULL,
        "subscription_id" uuid NOT NULL,
        "event_id" text NOT NULL,
        "event_type" text NOT NULL,
        "body" text NOT NULL,
        "status" text NOT NULL DEFAULT 'PENDING',
        "attempts" integer NOT NULL DEFAULT '0',
        "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "first_attempt_at" TIMESTAMP WITH TIME ZONE,
        "last_status_code" integer,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "delivered_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "webhook_deliveries_once" UNIQUE ("subscription_id", "event_id"),
        CONSTRAINT "PK_535dd409947fb6d8fc6dfc0112a" PRIMARY KEY ("id"),
        CONSTRAINT "FK_23eb2b6ae801c52cfb79a556b8a" FOREIGN KEY ("subscription_id") REFERENCES "webhook_subscriptions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE INDEX "webhook_deliveries_pending" ON "webhook_deliveries" ("subscription_id", "id") WHERE "status" = 'PENDING'`);
    await queryRunner.query(`
      CREATE TABLE "webhook_delivery_attempts" (
        "id" BIGSERIAL NOT NULL,
        "delivery_id" bigint NOT NULL,
        "attempted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "status_code" integer,
        "error" text,
        "duration_ms" integer NOT NULL,
        CONSTRAINT "PK_59ef9124585b56c18b98548a0c6" PRIMARY KEY ("id"),
        CONSTRAINT "FK_647916c401c0c275df5f00c148f" FOREIGN KEY ("delivery_id") REFERENCES "webhook_deliveries"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE INDEX "webhook_delivery_attempts_delivery" ON "webhook_delivery_attempts" ("delivery_id")`);
    await queryRunner.query(`
      CREATE TABLE "notification_cursor" (
        "id" smallint NOT NULL,
        "audit_event_id" bigint NOT NULL,
        CONSTRAINT "PK_fa391081a4e382070b0c0056801" PRIMARY KEY ("id")
      )`);
    // The history before this migration predates every subscription: the cursor starts after it.
    await queryRunner.query(`INSERT INTO "notification_cursor" ("id", "audit_event_id") SELECT 1, COALESCE(max("id"), 0) FROM "audit_events"`);
    await queryRunner.query(`
      CREATE TABLE "review_due_notices" (
        "accreditation_id" uuid NOT NULL,
        "review_date" TIMESTAMP WITH TIME ZONE NOT NULL,
        "noted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "outcome" text NOT NULL,
        CONSTRAINT "PK_ebd6b4a0cefa1bd4098d0799c3f" PRIMARY KEY ("accreditation_id", "review_date")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "review_due_notices"`);
    await queryRunner.query(`DROP TABLE "notification_cursor"`);
    await queryRunner.query(`DROP TABLE "webhook_delivery_attempts"`);
    await queryRunner.query(`DROP TABLE "webhook_deliveries"`);
    await queryRunner.query(`DROP TABLE "webhook_subscriptions"`);
  }
}
