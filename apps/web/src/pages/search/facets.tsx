import type { FacetCount, FacetName, SearchResult } from '../../api/types';
import { type I18n, useI18n, word } from '../../i18n';
import { FACET_ORDER, FACET_PARAMS, type SearchState } from './search-state';

/** A facet value in words: "Level 6", "Online", "Deutsch", "Finland", "Education". */
export function facetLabel(i18n: I18n, facet: FacetName, value: string): string {
  switch (facet) {
    case 'eqfLevel':
      return i18n.t.card.eqfValue(Number(value));
    case 'mode':
      return word(i18n.t.vocab.modes, value);
    case 'language':
      return i18n.language(value);
    case 'country':
      return i18n.country(value);
    case 'iscedBroad':
      return word(i18n.t.vocab.iscedBroad, value);
  }
}

/**
 * The api's counts over every match, as checkboxes: ticking one narrows the results (and the
 * counts). A ticked value stays listed even when the counts no longer include it, so it can be
 * unticked.
 */
export function Facets({ state, facets, onToggle }: { state: SearchState; facets: SearchResult['facets'] | undefined; onToggle: (facet: FacetName, value: string) => void }) {
  const i18n = useI18n();
  return (
    <>
      {FACET_ORDER.map((facet) => {
        const selected = state[FACET_PARAMS[facet]];
        const counts: FacetCount[] = [...(facets?.[facet] ?? [])];
        for (const value of selected) if (!counts.some((c) => c.value === value)) counts.push({ value, count: 0 });
        if (facet === 'eqfLevel' || facet === 'iscedBroad') counts.sort((a, b) => a.value.localeCompare(b.value));
        const id = `facet-${facet}`;
        return (
          <fieldset key={facet} className="facet" aria-describedby={counts.length === 0 ? `${id}-none` : undefined}>
            <legend>{i18n.t.search.facets[facet]}</legend>
            {counts.length === 0 && (
              <p id={`${id}-none`} className="muted">
                {facets ? i18n.t.search.noFacetValues : i18n.t.search.facetsLoading}
              </p>
            )}
            <ul>
              {counts.map(({ value, count }) => (
                <li key={value}>
                  <label>
                    <input type="checkbox" checked={selected.includes(value)} onChange={() => onToggle(facet, value)} />
                    <span>{facetLabel(i18n, facet, value)}</span>{' '}
                    <span className="count">({i18n.number(count, 0)})</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        );
      })}
    </>
  );
}
