import { Injectable, Logger } from '@nestjs/common';
import { type Caller, DomainError, requireAuthenticated } from '#platform';
import { AccreditationsCsvImportReport, type ImportProblem, type ImportRecordReport, summarise } from '../import/import-report.js';
import type { AccreditationEntity } from '#registry';
import { type AccreditationCandidate, RecordImporter } from '../import/record-importer.js';
import { accreditationFieldsOf, CSV_FIELD_OF, CsvFileError, readAccreditationsCsv } from './accreditations-csv.js';

/**
 * `importAccreditationsCsv` (DESIGN §8.3): an agency's decisions, row by row, each recorded (or,
 * with a `reference`, updated) through the registry's AccreditationService like a GraphQL
 * `recordAccreditation`. Parties and stored decisions are looked up once for the whole file; each
 * row is then its own transaction, so a refused row changes nothing and the others apply.
 */
/**
 * Rows per transaction. A batch holds the audit chain's lock from its first row to its commit, so every
 * other writer waits for it: small enough to keep that wait short, big enough that commits do not dominate.
 */
const BATCH_ROWS = 50;

@Injectable()
export class AccreditationsCsvImportService {
  private readonly logger = new Logger('CsvImport');

  constructor(private readonly records: RecordImporter) {}

  async importCsv(caller: Caller, csv: string, dryRun = false, onProgress?: (done: number, total: number) => void): Promise<AccreditationsCsvImportReport> {
    const known = requireAuthenticated(caller);
    let rows;
    try {
      rows = readAccreditationsCsv(csv);
    } catch (error) {
      if (error instanceof CsvFileError) throw DomainError.badInput([{ field: 'input.csv', message: error.message }]);
      throw error;
    }
    const parsed = rows.map((row) => ({ row, fields: accreditationFieldsOf(row) }));
    const legalIdentifiers = [...new Set(parsed.flatMap(({ fields }) => [fields.providerLegalIdentifier, fields.agencyLegalIdentifier]).filter((v): v is string => !!v))];
    const organisations = new Map((await this.records.organisationsByLegalIdentifier(legalIdentifiers)).map((o) => [o.legalIdentifier, o]));

    // A reference is the agency's own name for a decision: unique per agency, so it is kept as an id scoped by the agency.
    const agencyOf = (agencyLegalIdentifier: string | undefined) =>
      agencyLegalIdentifier ? organisations.get(agencyLegalIdentifier)?.id : known.kind === 'organisation' ? known.organisationId : undefined;
    const elmIdOf = (agencyId: string | undefined, reference: string | undefined) => (agencyId && reference ? `urn:tessera:csv:${agencyId}:${reference}` : null);
    const elmIds = parsed.map(({ fields }) => elmIdOf(agencyOf(fields.agencyLegalIdentifier), fields.reference)).filter((v): v is string => v !== null);
    const stored = new Map((await this.records.storedAccreditations(elmIds, [])).map((a) => [a.elmId, a]));

    const firstLineOf = new Map<string, number>();
    let done = 0;
    const reports = await this.records.inBatchesOf(parsed, BATCH_ROWS, async (batch, manager) => {
      const rejected = new Map<number, ImportRecordReport>();
      const writable: { line: number; candidate: AccreditationCandidate; stored: AccreditationEntity | undefined }[] = [];
      for (const { row, fields } of batch) {
        const problems: ImportProblem[] = [...fields.problems];
        const provider = fields.providerLegalIdentifier ? organisations.get(fields.providerLegalIdentifier) : undefined;
        if (fields.providerLegalIdentifier && !provider) problems.push({ path: 'provider_legal_identifier', message: `no organisation is registered with legal identifier ${fields.providerLegalIdentifier}` });
        const agencyId = agencyOf(fields.agencyLegalIdentifier);
        if (fields.agencyLegalIdentifier && !agencyId) problems.push({ path: 'agency_legal_identifier', message: `no organisation is registered with legal identifier ${fields.agencyLegalIdentifier}` });
        const elmId = elmIdOf(agencyId, fields.reference);
        if (elmId && firstLineOf.has(elmId)) problems.push({ path: 'reference', message: `is the reference of line ${firstLineOf.get(elmId)} too: one decision, one row` });
        else if (elmId) firstLineOf.set(elmId, row.line);
        if (problems.length > 0) {
          rejected.set(row.line, { elmId: null, line: row.line, type: 'Accreditation', action: 'REJECTED', id: null, problems });
          continue;
        }
        writable.push({
          line: row.line,
          candidate: {
            elmId,
            line: row.line,
            path: `line ${row.line}`,
            fieldPaths: CSV_FIELD_OF,
            input: { ...fields.input, accreditedOrganisationId: provider!.id, ...(agencyId ? { accreditingAgentId: agencyId } : {}) },
          },
          stored: elmId ? stored.get(elmId) : undefined,
        });
      }
      const written = await this.records.accreditationBatch(caller, writable, dryRun, manager);
      const byLine = new Map(written.map((report, i) => [writable[i].line, report]));
      const reports: ImportRecordReport[] = batch.map(({ row }) => ({ ...(rejected.get(row.line) ?? byLine.get(row.line)!), elmId: null }));
      done += batch.length;
      onProgress?.(done, parsed.length);
      // CSV rows carry no ELM id of their own (a reference is kept under one, internally).
      return reports;
    });
    const report = summarise(new AccreditationsCsvImportReport(), dryRun, reports);
    this.logger.log({ msg: 'accreditations CSV imported', rows: reports.length, dryRun, created: report.created, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected });
    return report;
  }
}
