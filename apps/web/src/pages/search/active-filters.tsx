import type { FacetName } from '../../api/types';
import { useI18n } from '../../i18n';
import { facetLabel } from './facets';
import { FACET_ORDER, FACET_PARAMS, hasFilters, type SearchState, toggleFacet } from './search-state';

/** Every filter in force as a button that removes it, and one that removes them all. */
export function ActiveFilters({ state, onChange }: { state: SearchState; onChange: (next: SearchState) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (!hasFilters(state)) return null;
  const chips: { key: string; label: string; next: SearchState }[] = [];
  for (const facet of FACET_ORDER as FacetName[]) {
    for (const value of state[FACET_PARAMS[facet]]) {
      chips.push({ key: `${facet}:${value}`, label: facetLabel(i18n, facet, value), next: toggleFacet(state, facet, value) });
    }
  }
  const reset = { ...state, page: 1 };
  const labels = t.search.filterLabels;
  if (state.ectsMin) chips.push({ key: 'ectsMin', label: labels.ectsMin(state.ectsMin), next: { ...reset, ectsMin: '' } });
  if (state.ectsMax) chips.push({ key: 'ectsMax', label: labels.ectsMax(state.ectsMax), next: { ...reset, ectsMax: '' } });
  if (state.from) chips.push({ key: 'from', label: labels.from(i18n.date(state.from)), next: { ...reset, from: '' } });
  if (state.to) chips.push({ key: 'to', label: labels.to(i18n.date(state.to)), next: { ...reset, to: '' } });
  if (state.free) chips.push({ key: 'free', label: t.search.freeOnly, next: { ...reset, free: false } });
  if (state.accredited) chips.push({ key: 'accredited', label: t.search.accreditedOnly, next: { ...reset, accredited: false } });
  if (state.annex) chips.push({ key: 'annex', label: t.search.annexOnly, next: { ...reset, annex: false } });
  if (state.near) chips.push({ key: 'near', label: labels.near(state.near, String(state.km)), next: { ...reset, near: '' } });
  const cleared = { ...reset, eqf: [], mode: [], language: [], country: [], field: [], ectsMin: '', ectsMax: '', from: '', to: '', free: false, accredited: false, annex: false, near: '' };

  return (
    <div className="active-filters">
      <h3 className="visually-hidden">{t.search.activeFilters}</h3>
      <ul>
        {chips.map((chip) => (
          <li key={chip.key}>
            <button type="button" className="chip" aria-label={t.search.removeFilter(chip.label)} onClick={() => onChange(chip.next)}>
              {chip.label}
              <span aria-hidden="true"> ×</span>
            </button>
          </li>
        ))}
        <li>
          <button type="button" className="link-button" onClick={() => onChange(cleared)}>
            {t.search.clearAll}
          </button>
        </li>
      </ul>
    </div>
  );
}
