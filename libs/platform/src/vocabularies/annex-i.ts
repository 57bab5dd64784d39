/**
 * The mandatory elements of Annex I of the Council Recommendation of 16 June 2022 on
 * micro-credentials, in the Annex's order: what a credential must carry, and — without the
 * learner's identity and the date of issue, which belong to the credential, not to the offer —
 * what a catalogue entry must carry.
 */
export const ANNEX_I_ELEMENTS = [
  'LEARNER',
  'TITLE',
  'ISSUER_COUNTRY',
  'AWARDING_BODY',
  'ISSUED_AT',
  'LEARNING_OUTCOMES',
  'WORKLOAD',
  'LEVEL',
  'ASSESSMENT_TYPE',
  'FORM_OF_PARTICIPATION',
  'QUALITY_ASSURANCE',
] as const;
export type AnnexIElement = (typeof ANNEX_I_ELEMENTS)[number];

/** The elements a catalogue entry (an offer, not yet anyone's credential) can carry. */
export const OFFER_ANNEX_I_ELEMENTS = ANNEX_I_ELEMENTS.filter(
  (element): element is Exclude<AnnexIElement, 'LEARNER' | 'ISSUED_AT'> => element !== 'LEARNER' && element !== 'ISSUED_AT',
);
export type OfferAnnexIElement = (typeof OFFER_ANNEX_I_ELEMENTS)[number];
