import 'reflect-metadata';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACCREDITATION_CSV_HEADER, AccreditationsCsvImportService } from '#elm';
import { createLogger, loadConfig, runMigrations, startEngines } from '#platform';
import { OrganisationService, RecognitionService } from '#registry';
import { createApp } from '../apps/api/src/app.js';
import { DATABASE_SCHEMA } from '../apps/api/src/database-schema.js';

/**
 * `node dist/bench/elm-import.js [ROWS]` (after `npm run build`): how long `importAccreditationsCsv`
 * takes for ROWS (default 10,000) valid rows (DESIGN §8.3 targets 10,000 in under a minute), on fresh
 * embedded engines in a temporary folder, as an agency for 20 providers. Reports; fails nothing.
 * Run it on a quiet machine: each row costs about a dozen PostgreSQL round trips.
 */
async function main(rows: number): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tessera-elm-bench-'));
  chmodSync(dataDir, 0o755);
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', TESSERA_SEED: 'none', TESSERA_RATE_LIMIT: 'off' });
  const engines = await startEngines(config, () => undefined);
  try {
    await runMigrations(engines.databaseUrl, DATABASE_SCHEMA);
    const app = await createApp(config, engines, createLogger('warn'));
    try {
      const admin = { kind: 'admin', keyId: 'bench' } as const;
      const organisations = app.get(OrganisationService);
      const agency = await organisations.register(admin, { kind: 'QUALITY_AGENCY', legalName: 'Bench agency', country: 'FI', legalIdentifier: 'VATFI-00000001' });
      await app.get(RecognitionService).recognise(admin, { agencyId: agency.id, validFrom: new Date('2015-01-01T00:00:00Z'), basis: 'EQAR-registered' });
      const providers: string[] = [];
      for (let i = 0; i < 20; i++) {
        providers.push((await organisations.register(admin, { kind: 'PROVIDER', legalName: `Bench provider ${i}`, country: 'FI', legalIdentifier: `VATFI-1${String(i).padStart(7, '0')}` })).legalIdentifier);
      }
      const csv = [
        ACCREDITATION_CSV_HEADER,
        ...Array.from({ length: rows }, (_, i) =>
          [providers[i % providers.length], 'PROGRAMME_QA', 'POSITIVE', `Programme review ${i}`, '2024-03-01', '', '2029-03-01', '2030-03-01', '6;7', '0613', 'FI', 'https://example.org/report.pdf', '', '', `R-${i}`].join(','),
        ),
      ].join('\n');
      const caller = { kind: 'organisation', role: 'QUALITY_AGENCY', organisationId: agency.id, keyId: 'bench' } as const;
      const started = performance.now();
      const report = await app.get(AccreditationsCsvImportService).importCsv(caller, csv, false, (done, total) => {
        if (done % 1000 === 0 || done === total) process.stderr.write(`\r${done}/${total} rows, ${Math.round((performance.now() - started) / 1000)} s`);
      });
      const seconds = (performance.now() - started) / 1000;
      process.stderr.write('\n');
      console.log(`${rows} rows (${(Buffer.byteLength(csv) / 1e6).toFixed(1)} MB): ${report.created} created, ${report.rejected} rejected in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s); target: 10,000 in under 60 s`);
    } finally {
      await app.close();
    }
  } finally {
    await engines.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main(Number(process.argv[2] ?? 10_000)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
