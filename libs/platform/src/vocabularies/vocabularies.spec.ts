import { COUNTRY_CODES, isCountryCode } from './countries.js';
import ELM_VOCABULARIES from './elm-vocabularies.data.js';
import { isLanguageCode, LANGUAGE_CODES } from './languages.js';
import {
  ACCREDITATION_TYPE_IRIS,
  ACCREDITATION_TYPES,
  ASSESSMENT_TYPE_IRIS,
  ASSESSMENT_TYPES,
  EQF_LEVEL_IRIS,
  isEqfLevel,
  iscedFBroad,
  iscedFCovers,
  iscedFLabel,
  isIscedFCode,
  iscedFPrefixes,
  LEARNING_ASSESSMENT_MODE_IRIS,
  LEARNING_ASSESSMENT_MODES,
  LEARNING_OPPORTUNITY_TYPE_IRIS,
  LEARNING_OPPORTUNITY_TYPES,
  LEARNING_SETTING_IRIS,
  LEARNING_SETTINGS,
  legalIdentifierProblem,
  SUPERVISION_VERIFICATIONS,
} from './vocabularies.js';

/** Inputs that no validator may accept, nor throw on. */
const ODD = ['', ' ', '\n', 'null', undefined as unknown as string, null as unknown as string, 42 as unknown as string];

describe('EQF', () => {
  it('accepts the integers 1 to 8 only', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].every(isEqfLevel)).toBe(true);
    for (const n of [0, 9, -1, 6.5, Number.NaN, Infinity]) expect(isEqfLevel(n)).toBe(false);
    expect(isEqfLevel('6' as unknown as number)).toBe(false);
  });

  it('maps levels to ELM IRIs', () => {
    expect(EQF_LEVEL_IRIS[6]).toBe('http://data.europa.eu/snb/eqf/6');
    expect(EQF_LEVEL_IRIS[1]).toBe('http://data.europa.eu/snb/eqf/1');
  });
});

describe('ISCED-F', () => {
  it('knows the broad, narrow and detailed codes of the ELM list', () => {
    expect(ELM_VOCABULARIES.iscedF.concepts).toHaveLength(220);
    for (const code of ['06', '061', '0613', '0688', '00', '0000', '99', '9999', '1041']) expect(isIscedFCode(code)).toBe(true);
  });

  it('refuses codes that do not exist or are malformed', () => {
    for (const code of ['0', '060', '0620', '11', '06130', '613', ' 0613', '0613 ', '6', 'isced-f/0613', ...ODD]) {
      expect(isIscedFCode(code)).toBe(false);
    }
  });

  it('labels codes', () => {
    expect(iscedFLabel('0613')).toBe('Software and applications development and analysis');
    expect(iscedFLabel('06')).toBe('Information and Communication Technologies (ICTs)');
    expect(iscedFLabel('0620')).toBeUndefined();
    expect(iscedFLabel(undefined as unknown as string)).toBeUndefined();
  });

  it('finds the broad field', () => {
    expect(iscedFBroad('0613')).toBe('06');
    expect(iscedFBroad('061')).toBe('06');
    expect(iscedFBroad('10')).toBe('10');
    expect(iscedFBroad('0620')).toBeUndefined();
    expect(iscedFBroad('')).toBeUndefined();
  });

  it('lets a broad or narrow code cover the codes beneath it, and nothing else', () => {
    expect(iscedFCovers('06', '0613')).toBe(true);
    expect(iscedFCovers('061', '0613')).toBe(true);
    expect(iscedFCovers('06', '068')).toBe(true);
    expect(iscedFCovers('0613', '0613')).toBe(true);
    // 0688 is a real code, but under 068, not 061
    expect(iscedFCovers('061', '0688')).toBe(false);
    expect(iscedFCovers('0613', '061')).toBe(false);
    expect(iscedFCovers('06', '0713')).toBe(false);
    // a prefix that is not itself a code covers nothing, however well it matches
    expect(iscedFCovers('0', '0613')).toBe(false);
    expect(iscedFCovers('06', '0620')).toBe(false);
    expect(iscedFCovers('', '0613')).toBe(false);
    expect(iscedFCovers('06', undefined as unknown as string)).toBe(false);
  });

  it('lists the codes that cover a code, broadest first; for every code of the list, exactly those iscedFCovers accepts', () => {
    expect(iscedFPrefixes('0613')).toEqual(['06', '061', '0613']);
    expect(iscedFPrefixes('06')).toEqual(['06']);
    expect(iscedFPrefixes('0620')).toEqual([]);
    const codes = ELM_VOCABULARIES.iscedF.concepts.map((c) => c.id.slice(c.id.lastIndexOf('/') + 1));
    for (const code of codes) {
      expect(iscedFPrefixes(code)).toEqual(codes.filter((limit) => iscedFCovers(limit, code)).sort((a, b) => a.length - b.length));
      expect(iscedFPrefixes(code)[0]).toBe(iscedFBroad(code));
    }
  });
});

describe('countries', () => {
  it('lists the 249 assigned ISO 3166-1 alpha-2 codes', () => {
    expect(new Set(COUNTRY_CODES).size).toBe(249);
    for (const code of ['ES', 'DE', 'GR', 'GB', 'AX', 'SS', 'BQ', 'CW']) expect(isCountryCode(code)).toBe(true);
  });

  it('refuses reserved, withdrawn, lowercase and padded codes', () => {
    for (const code of ['EL', 'UK', 'EU', 'XK', 'XI', 'AN', 'YU', 'es', 'Es', 'ESP', ' ES', ...ODD]) {
      expect(isCountryCode(code)).toBe(false);
    }
  });
});

describe('languages', () => {
  it('lists the 183 ISO 639-1 codes', () => {
    expect(new Set(LANGUAGE_CODES).size).toBe(183);
    for (const code of ['en', 'es', 'el', 'ga', 'mt', 'eu', 'zu']) expect(isLanguageCode(code)).toBe(true);
  });

  it('refuses uppercase, three-letter, regional, withdrawn and padded codes', () => {
    for (const code of ['EN', 'En', 'eng', 'en-GB', 'bh', 'iw', 'xx', 'en ', ...ODD]) {
      expect(isLanguageCode(code)).toBe(false);
    }
  });
});

describe('ELM enumerations', () => {
  const upperSnake = (label: string) => label.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  const sorted = (values: readonly string[]) => [...values].sort();

  it('names learning-opportunity and assessment types after their ELM labels, one for one', () => {
    expect(sorted(LEARNING_OPPORTUNITY_TYPES)).toEqual(sorted(ELM_VOCABULARIES.learningOpportunityType.concepts.map((c) => upperSnake(c.label))));
    expect(sorted(ASSESSMENT_TYPES)).toEqual(sorted(ELM_VOCABULARIES.assessmentType.concepts.map((c) => upperSnake(c.label))));
  });

  it.each([
    ['learningAssessmentMode', LEARNING_ASSESSMENT_MODES, LEARNING_ASSESSMENT_MODE_IRIS],
    ['learningSetting', LEARNING_SETTINGS, LEARNING_SETTING_IRIS],
    ['accreditationType', ACCREDITATION_TYPES, ACCREDITATION_TYPE_IRIS],
    ['learningOpportunityType', LEARNING_OPPORTUNITY_TYPES, LEARNING_OPPORTUNITY_TYPE_IRIS],
    ['assessmentType', ASSESSMENT_TYPES, ASSESSMENT_TYPE_IRIS],
  ] as const)('maps every %s name to a distinct concept, covering the whole ELM list', (vocabulary, names, iris) => {
    expect(sorted(Object.keys(iris))).toEqual(sorted(names));
    expect(sorted(Object.values(iris))).toEqual(sorted(ELM_VOCABULARIES[vocabulary].concepts.map((c) => c.id)));
  });

  it('maps names to the concepts that the labels describe', () => {
    const labelOf = (iri: string) =>
      Object.values(ELM_VOCABULARIES)
        .flatMap((v) => v.concepts as readonly { id: string; label: string }[])
        .find((c) => c.id === iri)?.label;
    expect(labelOf(LEARNING_ASSESSMENT_MODE_IRIS.WORK_BASED)).toBe('Workbased');
    expect(labelOf(LEARNING_ASSESSMENT_MODE_IRIS.RESEARCH_LAB)).toBe('Research-Lab based');
    expect(labelOf(LEARNING_SETTING_IRIS.NON_FORMAL)).toBe('non-formal learning');
    expect(ACCREDITATION_TYPE_IRIS.INSTITUTIONAL_LICENCE).toBe('http://data.europa.eu/snb/accreditation/003293d2ce');
    expect(ACCREDITATION_TYPE_IRIS.PROGRAMME_QA).toBe('http://data.europa.eu/snb/accreditation/820101cba6');
    expect(labelOf(LEARNING_OPPORTUNITY_TYPE_IRIS.MOOC)).toBe('MOOC');
    expect(labelOf(ASSESSMENT_TYPE_IRIS.ORAL_EXAMINATION)).toBe('oral examination');
  });

  it('has the four Annex I supervision options', () => {
    expect(SUPERVISION_VERIFICATIONS).toHaveLength(4);
  });
});

describe('legal identifiers', () => {
  it.each([
    ['VATES-A00000000', { scheme: 'VAT', country: 'ES', identifier: 'A00000000' }],
    ['NTREE-17207834', { scheme: 'NTR', country: 'EE', identifier: '17207834' }],
    ['LEIXG-5493001KJTIIGC8Y1R12', { scheme: 'LEI', country: 'XG', identifier: '5493001KJTIIGC8Y1R12' }],
    ['VATEL-123456789', { scheme: 'VAT', country: 'EL', identifier: '123456789' }],
    ['VATXI-123456789', { scheme: 'VAT', country: 'XI', identifier: '123456789' }],
    ['PSDBE-NBB-0123.456.789', { scheme: 'PSD', country: 'BE', identifier: 'NBB-0123.456.789' }],
    ['NTRDE-HRB/12345+a', { scheme: 'NTR', country: 'DE', identifier: 'HRB/12345+a' }],
  ])('accepts %s', (value) => {
    expect(legalIdentifierProblem(value)).toBeUndefined();
  });

  it.each([
    'VATXX-1', // not a country
    'vates-a0', // lowercase scheme and country
    'VATes-A0',
    'vatES-A00000000', // lowercase scheme
    'VATES A000', // space instead of hyphen
    'VATES-A000 0', // space in the identifier
    ' VATES-A000',
    'VATES-A000\n',
    'VATES-',
    'VATES',
    'VAT-A000', // no country
    'TAXES-A000', // unknown scheme
    'VATESP-A000',
    'NTREL-123', // EL and XI are VAT prefixes, not registers
    'NTRXI-123',
    'VATXG-123', // XG is for LEI only
    'VATUK-123',
    `VATES-${'A'.repeat(65)}`,
    'VATES-A_000',
    'VATES-Ä000',
    ...ODD,
  ])('refuses %p', (value) => {
    expect(legalIdentifierProblem(value)).toEqual(expect.any(String));
  });

  it('allows an identifier of up to 64 characters', () => {
    expect(legalIdentifierProblem(`VATES-${'A'.repeat(64)}`)).toBeUndefined();
  });

  it('says what is wrong', () => {
    expect(legalIdentifierProblem('VATES A000')).toBe(
      'must look like VATES-A00000000: scheme VAT, NTR, PSD or LEI, a country code, "-" and the identifier',
    );
    expect(legalIdentifierProblem('VATXX-1')).toContain('"XX"');
  });
});
