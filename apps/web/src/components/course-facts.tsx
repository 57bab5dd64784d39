import type { OpportunityCard } from '../api/types';
import { useI18n, word } from '../i18n';

/** The facts a learner compares first, as a description list: level, workload, form, dates, price. */
export function CourseFacts({ course }: { course: Omit<OpportunityCard, 'provider'> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const facts: [string, string][] = [];
  if (course.eqfLevel) facts.push([t.card.eqf, t.card.eqfValue(course.eqfLevel)]);
  const workload = workloadText(i18n, course);
  if (workload) facts.push([t.card.ects, workload]);
  if (course.mode) facts.push([t.card.mode, word(t.vocab.modes, course.mode)]);
  if (course.languages.length) facts.push([t.card.languages, i18n.list(course.languages.map(i18n.language))]);
  const dates = datesText(i18n, course.startDate, course.endDate);
  if (dates) facts.push([t.card.dates, dates]);
  facts.push([t.card.price, priceText(i18n, course)]);
  return (
    <dl className="facts">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

type I18nValue = ReturnType<typeof useI18n>;

export function workloadText(i18n: I18nValue, course: { ectsCredits: number | null; workloadHours: number | null }): string {
  const ects = course.ectsCredits !== null ? i18n.t.card.ectsValue(i18n.number(course.ectsCredits)) : null;
  const hours = course.workloadHours !== null ? i18n.t.card.hoursValue(course.workloadHours) : null;
  return [ects, hours].filter(Boolean).join(' · ');
}

export function datesText(i18n: I18nValue, start: string | null, end: string | null): string {
  if (start && end) return `${i18n.date(start)} – ${i18n.date(end)}`;
  if (start) return i18n.t.card.from(i18n.date(start));
  return '';
}

export function priceText(i18n: I18nValue, course: { free: boolean; price: { amount: number; currency: string } | null }): string {
  if (course.free) return i18n.t.card.free;
  if (course.price) return i18n.price(course.price.amount, course.price.currency);
  return i18n.t.common.notStated;
}
