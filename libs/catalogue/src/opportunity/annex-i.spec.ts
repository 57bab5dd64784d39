import { annexICompliance } from './annex-i.js';
import { EMPTY_DETAILS } from './opportunity-details.js';

const provider = { legalName: 'Aalto University', country: 'FI' };
const complete = {
  ...EMPTY_DETAILS,
  title: { en: 'Applied machine learning' },
  learningOutcomes: [{ text: 'Train and evaluate a classifier', escoSkill: null }],
  ectsCredits: 5,
  eqfLevel: 7,
  assessmentTypes: ['PROJECT_WORK' as const],
  mode: 'ONLINE' as const,
  qualityAssurance: 'Programme accredited by FINEEC',
};

describe('Annex I compliance', () => {
  it('is complete when every mandatory element is there', () => {
    expect(annexICompliance(complete, provider)).toEqual({ complete: true, missing: [] });
  });

  it('names every missing element, in the order of the Recommendation', () => {
    expect(annexICompliance({ ...EMPTY_DETAILS, title: { en: 'x' } }, provider)).toEqual({
      complete: false,
      missing: ['LEARNING_OUTCOMES', 'WORKLOAD', 'LEVEL', 'ASSESSMENT_TYPE', 'FORM_OF_PARTICIPATION', 'QUALITY_ASSURANCE'],
    });
    expect(annexICompliance(complete, null).missing).toEqual(['ISSUER_COUNTRY', 'AWARDING_BODY']);
  });

  it('accepts workload in hours where there are no ECTS, and a QF-EHEA cycle as the level', () => {
    const result = annexICompliance({ ...complete, ectsCredits: null, workloadHours: 30, eqfLevel: null, qfEheaCycle: 'SECOND_CYCLE' }, provider);
    expect(result).toEqual({ complete: true, missing: [] });
  });

  it('does not count blank texts', () => {
    const blank = { ...complete, title: { en: '  ' }, qualityAssurance: ' ', learningOutcomes: [{ text: '', escoSkill: null }] };
    expect(annexICompliance(blank, provider).missing).toEqual(['TITLE', 'LEARNING_OUTCOMES', 'QUALITY_ASSURANCE']);
  });
});
