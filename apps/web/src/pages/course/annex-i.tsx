import type { ReactNode } from 'react';
import type { AnnexIElement, OpportunityDetail } from '../../api/types';
import { workloadText } from '../../components/course-facts';
import { useI18n, word } from '../../i18n';
import { pick } from './course-query';

const ELEMENTS: AnnexIElement[] = [
  'TITLE',
  'AWARDING_BODY',
  'ISSUER_COUNTRY',
  'LEARNING_OUTCOMES',
  'WORKLOAD',
  'LEVEL',
  'ASSESSMENT_TYPE',
  'FORM_OF_PARTICIPATION',
  'QUALITY_ASSURANCE',
];

/**
 * The Council Recommendation's mandatory elements, each in plain words with what this record says,
 * and — when the api's `annexI` finds it incomplete — what is missing, named at the top and marked
 * in place.
 */
export function AnnexI({ course }: { course: OpportunityDetail }) {
  const i18n = useI18n();
  const { t } = i18n;
  const missing = new Set(course.annexI.missing);
  const title = pick(course.title, i18n.lang);
  const values: Record<AnnexIElement, ReactNode> = {
    TITLE: title && <span lang={title.lang}>{title.text}</span>,
    AWARDING_BODY: course.provider.legalName,
    ISSUER_COUNTRY: i18n.country(course.provider.country),
    LEARNING_OUTCOMES: course.learningOutcomes.length > 0 && (
      <ul>
        {course.learningOutcomes.map((outcome, i) => (
          <li key={i}>{outcome.text}</li>
        ))}
      </ul>
    ),
    WORKLOAD: workloadText(i18n, course),
    LEVEL: [
      course.eqfLevel ? t.course.eqfLevel(course.eqfLevel) : '',
      course.qfEheaCycle ? word(t.vocab.qfEheaCycle, course.qfEheaCycle) : '',
      course.nqfLevel ? t.course.nqfLevel(course.nqfLevel) : '',
    ]
      .filter(Boolean)
      .join(' · '),
    ASSESSMENT_TYPE: course.assessmentTypes.length > 0 && i18n.list(course.assessmentTypes.map((a) => word(t.vocab.assessment, a))),
    FORM_OF_PARTICIPATION: [course.mode ? word(t.vocab.modes, course.mode) : '', course.supervisionVerification ? word(t.vocab.supervision, course.supervisionVerification) : '']
      .filter(Boolean)
      .join(' · '),
    QUALITY_ASSURANCE: course.qualityAssurance,
  };

  return (
    <section className="annex" aria-labelledby="annex-heading">
      <h2 id="annex-heading">{t.course.annexHeading}</h2>
      <p className="muted">{t.course.annexIntro}</p>
      {course.annexI.complete ? (
        <p className="panel panel-ok">
          <span aria-hidden="true">✓ </span>
          {t.course.complete}
        </p>
      ) : (
        <div className="panel panel-warn">
          <p>
            <strong>{t.course.incomplete}</strong>
          </p>
          <ul>
            {course.annexI.missing.map((element) => (
              <li key={element}>
                {word(t.course.elements, element)} — {word(t.course.elementHelp, element)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <dl className="annex-list">
        {ELEMENTS.map((element) => {
          const value = values[element];
          const isMissing = missing.has(element) || !value;
          return (
            <div key={element} className={isMissing ? 'missing' : undefined}>
              <dt>
                {word(t.course.elements, element)}
                <span className="help">{word(t.course.elementHelp, element)}</span>
              </dt>
              <dd>{isMissing ? <span className="badge badge-warn">{missing.has(element) ? t.course.missingMark : t.common.notStated}</span> : value}</dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
