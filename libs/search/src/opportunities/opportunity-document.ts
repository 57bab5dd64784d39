/**
 * How many accreditation windows a document carries. Meilisearch matches each condition of a
 * filter against array elements independently, so `from <= now AND until > now` over an array of
 * windows would also match a `now` that falls in the gap between two of them. The windows are
 * therefore stored as scalar fields (`accWin0From`, `accWin0Until`, … `accWin3Until`), and the
 * filter is an OR over the slots. Four covers what registers contain — a current decision, a
 * scheduled successor, a suspension with an announced reinstatement — with room to spare; windows
 * beyond the fourth that has not ended yet are left out (the document then understates the
 * provider's accreditation until it is re-indexed).
 */
export const ACCREDITATION_WINDOW_SLOTS = 4;

/** `until` of a window that has no end: 9999-12-31T23:59:59Z in epoch seconds. */
export const OPEN_ENDED = 253_402_300_799;

/** One window in epoch seconds, `from` inclusive, `until` exclusive. */
export interface WindowSlot {
  from: number;
  until: number;
}

/**
 * A learning opportunity as the index holds it: what text search, filters, facets and sorts need
 * (DESIGN §5). Timestamps are epoch seconds. The catalogue shapes it; this library only sends it.
 */
export interface OpportunityDocument {
  id: string;
  providerId: string;
  providerName: string;
  providerCountry: string;
  /** `title_<lang>` and `description_<lang>` per ISO 639-1 language, so each is tokenised as its language. */
  [localized: `title_${string}` | `description_${string}`]: string;
  learningOutcomes: string[];
  /** Compound parts, ß as ss, umlauts written out (searchTerms()): found, never shown. */
  searchTerms?: string[];
  eqfLevel: number | null;
  ectsCredits: number | null;
  workloadHours: number | null;
  /** Every ISCED-F code with all its broader prefixes (`0613` → `06`, `061`, `0613`): prefix filters are equality. */
  iscedF: string[];
  /** The broad fields (2 digits), for the facet. */
  iscedBroad: string[];
  /** The codes as given, searchable as text. */
  iscedFCodes: string[];
  languages: string[];
  mode: string | null;
  learningSetting: string | null;
  type: string | null;
  /** Where it takes place, else the provider's country. */
  country: string;
  city: string | null;
  startDate: number | null;
  endDate: number | null;
  applicationDeadline: number | null;
  /** 0 when free, so that `maxPrice` includes free opportunities; null when unknown. */
  price: number | null;
  currency: string | null;
  free: boolean;
  annexIComplete: boolean;
  _geo?: { lat: number; lng: number };
  accWin0From: number;
  accWin0Until: number;
  accWin1From: number;
  accWin1Until: number;
  accWin2From: number;
  accWin2Until: number;
  accWin3From: number;
  accWin3Until: number;
}

/** The names of the slot fields. */
export const WINDOW_FIELDS = Array.from({ length: ACCREDITATION_WINDOW_SLOTS }, (_, i) => [`accWin${i}From`, `accWin${i}Until`]).flat();

/** The slot fields of a document; unused slots are [0, 0), which no time falls in. */
export function windowFields(slots: readonly WindowSlot[]): Pick<OpportunityDocument, `accWin${0 | 1 | 2 | 3}${'From' | 'Until'}`> {
  const slot = (i: number) => slots[i] ?? { from: 0, until: 0 };
  return {
    accWin0From: slot(0).from,
    accWin0Until: slot(0).until,
    accWin1From: slot(1).from,
    accWin1Until: slot(1).until,
    accWin2From: slot(2).from,
    accWin2Until: slot(2).until,
    accWin3From: slot(3).from,
    accWin3Until: slot(3).until,
  };
}

/** Whether a document's provider is accredited at `nowSeconds`, by the same rule as the filter. */
export function accreditedAt(document: Pick<OpportunityDocument, `accWin${0 | 1 | 2 | 3}${'From' | 'Until'}`>, nowSeconds: number): boolean {
  return [0, 1, 2, 3].some((i) => {
    const from = document[`accWin${i as 0 | 1 | 2 | 3}From`];
    const until = document[`accWin${i as 0 | 1 | 2 | 3}Until`];
    return from <= nowSeconds && until > nowSeconds;
  });
}
