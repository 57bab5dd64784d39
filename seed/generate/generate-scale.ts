import { randomUUID } from 'node:crypto';
import { AuditService } from '#audit';
import type { DataSource } from 'typeorm';
import { demoCourse } from '../demo/demo-courses.js';
import type { ProviderType } from '../demo/demo-registry.js';
import { SeededRandom } from '../demo/random.js';
import { generateKeys } from './generate-keys.js';
import { progressMeter, type ScaleProgress } from './progress.js';

export type { ScaleProgress } from './progress.js';

/**
 * Synthetic data for scale runs (`cli seed generate`): providers, each accredited by one of a few
 * agencies, and published learning opportunities shaped like the demo's. Written in bulk with SQL
 * (the services would need hours for a million rows); one audit event records the load.
 * Deterministic for a given seed; legal identifiers carry the seed so that runs can be stacked.
 */
export interface ScaleOptions {
  opportunities: number;
  providers: number;
  seed: number;
  /** Qualified seals under a generated CA (an anchor), registered to the providers in turn. */
  certificates: number;
  /** One did:web for each of this many providers. */
  dids: number;
}

const BATCH = 2_000;
const COUNTRIES = ['FI', 'DE', 'FR', 'ES', 'IT', 'NL', 'PT', 'AT', 'BE', 'EE', 'IE', 'PL'];
const CITIES: Record<string, string> = { FI: 'Tampere', DE: 'Leipzig', FR: 'Lyon', ES: 'Valencia', IT: 'Bologna', NL: 'Utrecht', PT: 'Porto', AT: 'Graz', BE: 'Gent', EE: 'Tartu', IE: 'Cork', PL: 'Kraków' };
const TYPES: ProviderType[] = ['UNIVERSITY', 'VET_SCHOOL', 'PRIVATE_PROVIDER', 'EMPLOYER'];

/** Resolves to how many opportunities were loaded, and how fast. */
export async function generateScale(dataSource: DataSource, options: ScaleOptions, onProgress: (progress: ScaleProgress) => void): Promise<{ done: number; perSecond: number }> {
  const meter = progressMeter(onProgress);
  const random = new SeededRandom(options.seed);
  const reference = new Date();
  const tag = `G${options.seed}`;

  const agencyIds = await insertOrganisations(
    dataSource,
    Array.from({ length: 5 }, (_, i) => ({ kind: 'QUALITY_AGENCY', legal_name: `Scale Agency ${tag}-${i}`, country: COUNTRIES[i], legal_identifier: `VATBE-${tag}A${i}` })),
  );
  await dataSource.query(
    `INSERT INTO agency_recognitions (agency_id, valid_from, basis, version) SELECT unnest($1::uuid[]), '2015-01-01', 'scale run', 1`,
    [agencyIds],
  );

  const providers: { id: string; country: string; legalName: string; legalIdentifier: string; providerType: ProviderType }[] = [];
  const organisations = meter('organisations', options.providers);
  for (let start = 0; start < options.providers; start += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, options.providers - start) }, (_, k) => {
      const i = start + k;
      const country = COUNTRIES[i % COUNTRIES.length];
      return { kind: 'PROVIDER', legal_name: `Scale Provider ${tag}-${i}`, country, legal_identifier: `VAT${country === 'EE' ? 'FI' : country}-${tag}P${i}` };
    });
    const ids = await insertOrganisations(dataSource, rows);
    ids.forEach((id, k) => providers.push({ id, country: rows[k].country, legalName: rows[k].legal_name, legalIdentifier: rows[k].legal_identifier, providerType: TYPES[(start + k) % TYPES.length] }));
    await accredit(dataSource, ids, agencyIds, reference);
    organisations.add(ids.length);
  }

  await generateKeys(dataSource, providers, { certificates: options.certificates, dids: options.dids, tag }, reference, meter);

  const opportunities = meter('opportunities', options.opportunities);
  for (let start = 0; start < options.opportunities; start += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, options.opportunities - start) }, (_, k) => {
      const i = start + k;
      const provider = providers[i % providers.length];
      const course = demoCourse(i, { ...provider, city: CITIES[provider.country], homepage: 'https://scale.example.org' }, random, reference);
      return {
        ...course,
        provider_id: provider.id,
        title: byLang(course.title),
        description: byLang(course.description),
        learningOutcomes: course.learningOutcomes.map((o) => ({ ...o, escoSkill: null })),
      };
    });
    await dataSource.query(
      `INSERT INTO learning_opportunities (
         provider_id, status, published_at, title, description, learning_outcomes, eqf_level, ects_credits, workload_hours,
         isced_f_codes, languages, mode, learning_setting, type, assessment_types, supervision_verification,
         quality_assurance, stackability, price, free, funding_schemes, location, start_date, end_date,
         application_deadline, landing_page, version)
       SELECT r.provider_id, 'PUBLISHED', now(), r.title, r.description, r."learningOutcomes", r."eqfLevel", r."ectsCredits",
              r."workloadHours", r."iscedFCodes", r.languages, r.mode, r."learningSetting", r.type, r."assessmentTypes",
              r."supervisionVerification", r."qualityAssurance", r.stackability, r.price, r.free, r."fundingSchemes",
              r.location, r."startDate", r."endDate", r."applicationDeadline", r."landingPage", 1
         FROM jsonb_to_recordset($1::jsonb) AS r(
           provider_id uuid, title jsonb, description jsonb, "learningOutcomes" jsonb, "eqfLevel" int, "ectsCredits" numeric,
           "workloadHours" int, "iscedFCodes" text[], languages text[], mode text, "learningSetting" text, type text,
           "assessmentTypes" text[], "supervisionVerification" text, "qualityAssurance" text, stackability text,
           price jsonb, free boolean, "fundingSchemes" text[], location jsonb, "startDate" timestamptz, "endDate" timestamptz,
           "applicationDeadline" timestamptz, "landingPage" text)`,
      [JSON.stringify(rows)],
    );
    opportunities.add(rows.length);
  }
  const loaded = { done: opportunities.done, perSecond: opportunities.perSecond };

  await dataSource.transaction((manager) =>
    new AuditService(dataSource).append(manager, {
      actor: { keyId: 'seed-generate', role: 'ADMIN', organisationId: null },
      action: 'seed.generated',
      // A bulk load changes the registry as a whole: trust indexes read everything again.
      entityType: 'Registry',
      entityId: randomUUID(),
      diff: { ...options, agencies: agencyIds.length },
      trustRelevant: true,
    }),
  );
  return loaded;
}

async function insertOrganisations(dataSource: DataSource, rows: { kind: string; legal_name: string; country: string; legal_identifier: string }[]): Promise<string[]> {
  const inserted: { id: string }[] = await dataSource.query(
    `INSERT INTO organisations (kind, legal_name, country, legal_identifier, version)
     SELECT r.kind, r.legal_name, r.country, r.legal_identifier, 1
       FROM jsonb_to_recordset($1::jsonb) AS r(kind text, legal_name text, country text, legal_identifier text)
     RETURNING id`,
    [JSON.stringify(rows)],
  );
  const ids = inserted.map((r) => r.id);
  await dataSource.query(
    `INSERT INTO organisation_status_entries (organisation_id, status, effective_at, reason, actor_role, actor_key_id)
     SELECT unnest($1::uuid[]), 'ACTIVE', now(), 'generated', 'ADMIN', 'seed-generate'`,
    [ids],
  );
  return ids;
}

/** One current institutional accreditation per provider, so that "accredited now" has something to find. */
async function accredit(dataSource: DataSource, providerIds: string[], agencyIds: string[], reference: Date): Promise<void> {
  const agencies = providerIds.map((_, i) => agencyIds[i % agencyIds.length]);
  const accreditations: { id: string }[] = await dataSource.query(
    `INSERT INTO accreditations (accredited_organisation_id, accrediting_agent_id, type, title, decision, issued_at, valid_from, expires_at, version)
     SELECT p, a, 'INSTITUTIONAL_QA', 'Institutional audit (scale run)', 'POSITIVE', $3::timestamptz - interval '1 year', $3::timestamptz - interval '1 year', $3::timestamptz + interval '4 years', 1
       FROM unnest($1::uuid[], $2::uuid[]) AS t(p, a)
     RETURNING id`,
    [providerIds, agencies, reference],
  );
  await dataSource.query(
    `INSERT INTO accreditation_status_entries (accreditation_id, status, effective_at, reason, actor_role, actor_key_id)
     SELECT unnest($1::uuid[]), 'ACTIVE', $2::timestamptz - interval '1 year', 'generated', 'ADMIN', 'seed-generate'`,
    [accreditations.map((a) => a.id), reference],
  );
}

function byLang(texts: { lang: string; text: string }[]): Record<string, string> {
  return Object.fromEntries(texts.map((t) => [t.lang, t.text]));
}
