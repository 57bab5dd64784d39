import { parse } from 'csv-parse/sync';
import type { ImportProblem } from '../import/import-report.js';

/**
 * The CSV agencies send their decisions in (DESIGN §8.3; docs/elm.md). One decision per row,
 * the header line first, in this order or any other; lists are separated by `;`; dates are ISO
 * 8601 (`2025-05-20` or `2025-05-20T00:00:00Z`).
 */
export const ACCREDITATION_CSV_COLUMNS = [
  'provider_legal_identifier',
  'type',
  'decision',
  'title',
  'issued_at',
  'valid_from',
  'review_date',
  'expires_at',
  'limit_eqf_levels',
  'limit_fields',
  'limit_jurisdictions',
  'report_url',
  'landing_page',
  'agency_legal_identifier',
  'reference',
] as const;
export type AccreditationCsvColumn = (typeof ACCREDITATION_CSV_COLUMNS)[number];

/** The header line, as docs, README and `cli import accreditations --help` print it. */
export const ACCREDITATION_CSV_HEADER = ACCREDITATION_CSV_COLUMNS.join(',');

const REQUIRED: readonly AccreditationCsvColumn[] = ['provider_legal_identifier', 'type', 'decision', 'title', 'issued_at', 'expires_at'];

/** Which of our input fields each column fills, so that a refusal names the column. */
export const CSV_FIELD_OF: Readonly<Record<string, AccreditationCsvColumn>> = {
  'input.accreditedOrganisationId': 'provider_legal_identifier',
  'input.accreditingAgentId': 'agency_legal_identifier',
  'input.type': 'type',
  'input.decision': 'decision',
  'input.title': 'title',
  'input.issuedAt': 'issued_at',
  'input.validFrom': 'valid_from',
  'input.reviewDate': 'review_date',
  'input.expiresAt': 'expires_at',
  'input.limitEqfLevels': 'limit_eqf_levels',
  'input.limitFields': 'limit_fields',
  'input.limitJurisdictions': 'limit_jurisdictions',
  'input.reportUrl': 'report_url',
  'input.landingPage': 'landing_page',
};

export interface CsvRow {
  /** The line the row starts on; the header is line 1. */
  line: number;
  values: Partial<Record<AccreditationCsvColumn, string>>;
}

export class CsvFileError extends Error {}

/** Rows of a file, or a {@link CsvFileError} when the file as a whole is unusable (not CSV, unknown or missing columns). */
export function readAccreditationsCsv(text: string): CsvRow[] {
  let records: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    records = parse(text, { bom: true, trim: true, skip_empty_lines: true, info: true, raw: true, relax_column_count: false }) as never;
  } catch (error) {
    throw new CsvFileError(`is not CSV this import can read: ${(error as Error).message}`);
  }
  if (records.length === 0) throw new CsvFileError(`is empty: the first line must be the header (${ACCREDITATION_CSV_HEADER})`);
  const [header, ...rows] = records;
  const columns = header.record.map((c) => c.toLowerCase());
  const unknown = columns.filter((c) => !(ACCREDITATION_CSV_COLUMNS as readonly string[]).includes(c));
  if (unknown.length > 0) throw new CsvFileError(`has columns this import does not know (${unknown.join(', ')}); the columns are ${ACCREDITATION_CSV_HEADER}`);
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0) throw new CsvFileError(`lacks the required columns ${missing.join(', ')}`);
  return rows.map(({ record, info, raw }) => ({
    // csv-parse counts the lines read up to the row's last one; a quoted value may span several, and
    // the raw text of a row starts with the blank lines skipped before it.
    line: info.lines - (raw.replace(/^(\s*\r?\n)+/, '').replace(/\r?\n$/, '').match(/\n/g) ?? []).length,
    values: Object.fromEntries(columns.map((c, i) => [c, record[i]]).filter(([, v]) => v !== '')) as CsvRow['values'],
  }));
}

export interface CsvAccreditationFields {
  input: Record<string, unknown>;
  providerLegalIdentifier?: string;
  agencyLegalIdentifier?: string;
  reference?: string;
  problems: ImportProblem[];
}

function list(value: string | undefined): string[] {
  return value === undefined ? [] : value.split(';').map((v) => v.trim()).filter((v) => v !== '');
}

/** A row in our input's terms; values are checked by the registry's own input rules afterwards, except dates and numbers, which must parse here. */
export function accreditationFieldsOf(row: CsvRow): CsvAccreditationFields {
  const v = row.values;
  const problems: ImportProblem[] = [];
  const date = (column: AccreditationCsvColumn): Date | undefined => {
    const value = v[column];
    if (value === undefined) return undefined;
    const parsed = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
    if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(parsed.getTime())) {
      problems.push({ path: column, message: `is not an ISO 8601 date: "${value}"` });
      return undefined;
    }
    return parsed;
  };
  for (const column of REQUIRED) if (v[column] === undefined) problems.push({ path: column, message: 'is required' });
  const eqf = list(v.limit_eqf_levels).map((level) => (/^\d+$/.test(level) ? Number(level) : level));
  const issuedAt = date('issued_at');
  const input: Record<string, unknown> = {
    type: v.type?.toUpperCase(),
    decision: v.decision?.toUpperCase(),
    title: v.title,
    issuedAt,
    validFrom: date('valid_from') ?? issuedAt,
    reviewDate: date('review_date'),
    expiresAt: date('expires_at'),
    limitEqfLevels: eqf,
    limitFields: list(v.limit_fields),
    limitJurisdictions: list(v.limit_jurisdictions).map((c) => c.toUpperCase()),
    reportUrl: v.report_url,
    landingPage: v.landing_page,
  };
  return {
    input: Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)),
    providerLegalIdentifier: v.provider_legal_identifier,
    agencyLegalIdentifier: v.agency_legal_identifier,
    reference: v.reference,
    problems,
  };
}
