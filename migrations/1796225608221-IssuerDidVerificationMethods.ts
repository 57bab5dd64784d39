import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The public keys a registered DID signs with, so that its credentials can be verified (DESIGN §8.1). */
export class IssuerDidVerificationMethods1796225608221 implements MigrationInterface {
  name = 'IssuerDidVerificationMethods1796225608221';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "issuer_dids" ADD "verification_methods" jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "issuer_dids" DROP COLUMN "verification_methods"`);
  }
}
