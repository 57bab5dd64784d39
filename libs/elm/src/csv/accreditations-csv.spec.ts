import { ACCREDITATION_CSV_HEADER, accreditationFieldsOf, CsvFileError, readAccreditationsCsv } from './accreditations-csv.js';

describe('accreditations CSV', () => {
  it('reads rows with the line each starts on (the header is line 1; a quoted value may span lines; blank lines are skipped but counted)', () => {
    const rows = readAccreditationsCsv(
      `${ACCREDITATION_CSV_HEADER}\n` +
        'VATFI-10065502,INSTITUTIONAL_QA,POSITIVE,Institutional audit,2019-05-20,,2025-05-20,2025-05-20,6;7,00,FI,https://example.org/r.pdf,,,A-1\n' +
        'VATFI-10065502,PROGRAMME_QA,positive,"Audit of\nICT",2019-05-20T00:00:00Z,,,2025-05-20,,,,,,,\n' +
        '\n' +
        'VATFI-10065502,PROGRAMME_QA,POSITIVE,Third,2019-05-20,,,2025-05-20,,,,,,,\n',
    );
    expect(rows.map((r) => r.line)).toEqual([2, 3, 6]);
    const first = accreditationFieldsOf(rows[0]);
    expect(first.problems).toEqual([]);
    expect(first.providerLegalIdentifier).toBe('VATFI-10065502');
    expect(first.reference).toBe('A-1');
    expect(first.input).toEqual({
      type: 'INSTITUTIONAL_QA',
      decision: 'POSITIVE',
      title: 'Institutional audit',
      issuedAt: new Date('2019-05-20T00:00:00Z'),
      validFrom: new Date('2019-05-20T00:00:00Z'),
      reviewDate: new Date('2025-05-20T00:00:00Z'),
      expiresAt: new Date('2025-05-20T00:00:00Z'),
      limitEqfLevels: [6, 7],
      limitFields: ['00'],
      limitJurisdictions: ['FI'],
      reportUrl: 'https://example.org/r.pdf',
    });
    expect(accreditationFieldsOf(rows[1]).input.title).toBe('Audit of\nICT');
    expect(accreditationFieldsOf(rows[1]).input.decision).toBe('POSITIVE');
  });

  it('names the column of a value it cannot read, and every missing required one', () => {
    const [row] = readAccreditationsCsv('provider_legal_identifier,type,decision,title,issued_at,expires_at\nVATFI-1,,POSITIVE,T,20 May 2019,2025-13-40\n');
    expect(accreditationFieldsOf(row).problems).toEqual([
      { path: 'type', message: 'is required' },
      { path: 'issued_at', message: 'is not an ISO 8601 date: "20 May 2019"' },
      { path: 'expires_at', message: 'is not an ISO 8601 date: "2025-13-40"' },
    ]);
  });

  it('refuses a file whose header it does not know, or that lacks required columns', () => {
    expect(() => readAccreditationsCsv('provider,type\nx,y\n')).toThrow(CsvFileError);
    expect(() => readAccreditationsCsv('provider_legal_identifier,type\nx,y\n')).toThrow(/lacks the required columns decision, title, issued_at, expires_at/);
    expect(() => readAccreditationsCsv('')).toThrow(/is empty/);
  });
});
