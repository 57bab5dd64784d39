import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { PLACES, RADII_KM } from '../../shared/places';
import type { SearchState } from './search-state';

/**
 * The filters that are not counted facets. Ticks apply at once; typed ranges, dates and the place
 * apply with the form's button (or Enter), so that results do not jump while a number is typed.
 */
export function Filters({ state, onChange }: { state: SearchState; onChange: (next: SearchState) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  // The typed values follow the address when it changes from elsewhere (a removed filter, Back).
  const [draft, setDraft] = useState(state);
  const applied = [state.ectsMin, state.ectsMax, state.from, state.to, state.near, state.km].join('|');
  const latest = useRef(state);
  latest.current = state;
  useEffect(() => setDraft(latest.current), [applied]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...state, ectsMin: draft.ectsMin, ectsMax: draft.ectsMax, from: draft.from, to: draft.to, near: draft.near, km: draft.km, page: 1 });
  };
  const tick = (key: 'free' | 'accredited' | 'annex' | 'finished') => onChange({ ...state, [key]: !state[key], page: 1 });
  const countries = [...new Set(PLACES.map((p) => p.country))].map((code) => ({ code, name: i18n.country(code) })).sort((a, b) => a.name.localeCompare(b.name, i18n.lang));

  return (
    <>
      <fieldset className="facet">
        <legend>{t.search.optionsHeading}</legend>
        <ul>
          {(
            [
              ['free', t.search.freeOnly],
              ['accredited', t.search.accreditedOnly],
              ['annex', t.search.annexOnly],
            ] as const
          ).map(([key, label]) => (
            <li key={key}>
              <label>
                <input type="checkbox" checked={state[key]} onChange={() => tick(key)} />
                <span>{label}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset className="facet">
        <legend>{t.search.timeHeading}</legend>
        <ul>
          <li>
            <label>
              <input type="checkbox" checked={state.finished} onChange={() => tick('finished')} aria-describedby="finished-hint" />
              <span>{t.search.includeFinished}</span>
            </label>
            <p id="finished-hint" className="hint">
              {t.search.includeFinishedHint}
            </p>
          </li>
        </ul>
      </fieldset>
      <form className="range-filters" onSubmit={submit}>
        <fieldset className="facet">
          <legend>{t.search.ectsHeading}</legend>
          <div className="pair">
            <label>
              {t.search.ectsMin}
              <input type="number" inputMode="decimal" min={0} max={999} step="any" value={draft.ectsMin} onChange={(e) => setDraft({ ...draft, ectsMin: e.target.value })} />
            </label>
            <label>
              {t.search.ectsMax}
              <input type="number" inputMode="decimal" min={0} max={999} step="any" value={draft.ectsMax} onChange={(e) => setDraft({ ...draft, ectsMax: e.target.value })} />
            </label>
          </div>
        </fieldset>
        <fieldset className="facet">
          <legend>{t.search.datesHeading}</legend>
          <div className="pair">
            <label>
              {t.search.startsFrom}
              <input type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
            </label>
            <label>
              {t.search.startsTo}
              <input type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
            </label>
          </div>
        </fieldset>
        <fieldset className="facet">
          <legend>{t.search.nearHeading}</legend>
          <label>
            {t.search.place}
            <select value={draft.near} onChange={(e) => setDraft({ ...draft, near: e.target.value })}>
              <option value="">{t.search.anyPlace}</option>
              {countries.map(({ code, name }) => (
                <optgroup key={code} label={name}>
                  {PLACES.filter((p) => p.country === code).map((p) => (
                    <option key={p.name} value={p.name}>
                      {p.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
          <label>
            {t.search.radius}
            <select value={draft.km} onChange={(e) => setDraft({ ...draft, km: Number(e.target.value) })}>
              {RADII_KM.map((km) => (
                <option key={km} value={km}>
                  {t.search.km(km)}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <button type="submit" className="button">
          {t.search.apply}
        </button>
      </form>
    </>
  );
}
