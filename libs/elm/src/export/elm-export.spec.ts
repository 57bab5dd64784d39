import type { LearningOpportunityEntity } from '#catalogue';
import { decisionFromNote, decisionNoteText, elmIdOf, isNqfConceptIri, specifiedAsQualification, uuidOfElmId } from './elm-export.js';

const complete = {
  eqfLevel: 6,
  nqfLevel: 'http://data.europa.eu/snb/qdr/c_7b3ba8c5',
  iscedFCodes: ['0613'],
  learningOutcomes: [{ text: 'Evaluate a classifier', escoSkill: null }],
} as unknown as LearningOpportunityEntity;

describe('ELM export rules', () => {
  it('specifies a course by a Qualification only with an EQF level, a QDR NQF concept, a field and an outcome (the NQF rule)', () => {
    expect(specifiedAsQualification(complete)).toBe(true);
    expect(specifiedAsQualification({ ...complete, nqfLevel: 'Level 6' })).toBe(false);
    expect(specifiedAsQualification({ ...complete, nqfLevel: 'https://example.org/nqf/6' })).toBe(false);
    expect(specifiedAsQualification({ ...complete, eqfLevel: null })).toBe(false);
    expect(specifiedAsQualification({ ...complete, iscedFCodes: [] })).toBe(false);
    expect(specifiedAsQualification({ ...complete, learningOutcomes: [{ text: '  ', escoSkill: null }] })).toBe(false);
    expect(isNqfConceptIri(null)).toBe(false);
  });

  it('gives records urn:uuid ids that import recognises, and carries the decision as a note it reads back', () => {
    const id = '6f1c2a8e-1f0a-4c55-9d34-2b7f3f5b9a10';
    expect(uuidOfElmId(elmIdOf(id))).toBe(id);
    expect(uuidOfElmId('http://data.europa.eu/snb/data-dev/accreditation/c5f442fc')).toBeUndefined();
    for (const decision of ['POSITIVE', 'POSITIVE_WITH_CONDITIONS', 'NEGATIVE'] as const) expect(decisionFromNote(decisionNoteText(decision))).toBe(decision);
    expect(decisionFromNote('Decision: MAYBE')).toBeUndefined();
  });
});
