import { useEffect, useRef } from 'react';
import type { FacetName } from '../../api/types';
import { useI18n } from '../../i18n';
import { facetLabel } from './facets';
import { FACET_ORDER, FACET_PARAMS, hasFilters, type SearchState, toggleFacet } from './search-state';

/**
 * Every filter in force as a button that removes it, and one that removes them all. A removed
 * chip hands the focus to the chip that takes its place (or the one before); when none is left,
 * `onChange` is told (`lastOne`) so that the page puts the focus on the results.
 */
export function ActiveFilters({ state, onChange }: { state: SearchState; onChange: (next: SearchState, lastOne: boolean) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const list = useRef<HTMLUListElement>(null);
  // The chip to focus, by its key, not its position: a render that comes before the one without the
  // removed chip (the page re-renders as its answers arrive) must not put the focus on the chip that
  // is about to go. The chip kept is the same element in every render, so focusing it early holds.
  const focusKey = useRef<string | null>(null);
  useEffect(() => {
    if (focusKey.current === null) return;
    const chip = [...(list.current?.querySelectorAll<HTMLButtonElement>('button.chip') ?? [])].find((button) => button.dataset.key === focusKey.current);
    if (!chip) return;
    chip.focus();
    focusKey.current = null;
  });
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
  if (state.finished) chips.push({ key: 'finished', label: t.search.includeFinished, next: { ...reset, finished: false } });
  if (state.near) chips.push({ key: 'near', label: labels.near(state.near, String(state.km)), next: { ...reset, near: '' } });
  const cleared = { ...reset, eqf: [], mode: [], language: [], country: [], field: [], ectsMin: '', ectsMax: '', from: '', to: '', free: false, accredited: false, annex: false, finished: false, near: '' };
  const remove = (index: number) => {
    const lastOne = chips.length === 1;
    // The chip that takes its place, or else the one before it.
    focusKey.current = lastOne ? null : (chips[index + 1] ?? chips[index - 1]).key;
    onChange(chips[index].next, lastOne);
  };

  return (
    <div className="active-filters">
      <h3 className="visually-hidden">{t.search.activeFilters}</h3>
      <ul ref={list}>
        {chips.map((chip, index) => (
          <li key={chip.key}>
            <button type="button" className="chip" data-key={chip.key} aria-label={t.search.removeFilter(chip.label)} onClick={() => remove(index)}>
              {chip.label}
              <span aria-hidden="true"> ×</span>
            </button>
          </li>
        ))}
        <li>
          <button type="button" className="link-button" onClick={() => onChange(cleared, true)}>
            {t.search.clearAll}
          </button>
        </li>
      </ul>
    </div>
  );
}
