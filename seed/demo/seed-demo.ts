import { createHash } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Caller } from '#platform';
import { OpportunityService } from '#catalogue';
import { AccreditationService, OrganisationService, RecognitionService } from '#registry';
import { IssuerCertificateService, IssuerDidService, TrustAnchorService } from '#trust';
import type { DataSource } from 'typeorm';
import { createDemoCa } from './demo-certificates.js';
import { demoCourse } from './demo-courses.js';
import { type DemoAccreditation, demoRegistry } from './demo-registry.js';
import { SeededRandom } from './random.js';

/** Courses each demo provider offers. */
const COURSES_PER_PROVIDER = 10;

/** The demo is written by the operator, through the same services as every other write. */
const SEEDER: Caller = { kind: 'admin', keyId: 'seed' };
const DAY = 24 * 3600 * 1000;

export interface DemoSummary {
  organisations: number;
  accreditations: number;
  certificates: number;
  dids: number;
  opportunities: number;
}

/** Loads the demo unless the registry already holds organisations. Returns null when it did nothing. */
export async function seedDemoIfEmpty(app: INestApplicationContext, log: (message: string) => void): Promise<DemoSummary | null> {
  const dataSource = app.get<DataSource>(getDataSourceToken());
  const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM organisations');
  if (count > 0) return null;
  return seedDemo(app, log);
}

/**
 * The demo dataset (see demo-registry.ts), relative to today so that "review overdue" and
 * "expiring soon" mean what they say on the day you try it.
 */
export async function seedDemo(app: INestApplicationContext, log: (message: string) => void, reference = startOfToday()): Promise<DemoSummary> {
  const organisations = app.get(OrganisationService);
  const recognitions = app.get(RecognitionService);
  const accreditations = app.get(AccreditationService);
  const anchors = app.get(TrustAnchorService);
  const certificates = app.get(IssuerCertificateService);
  const dids = app.get(IssuerDidService);
  const data = demoRegistry(reference);

  const ids = new Map<string, string>();
  for (const organisation of [...data.agencies, ...data.providers]) {
    const { key, providerType: _type, city: _city, ...input } = organisation;
    ids.set(key, (await organisations.register(SEEDER, input)).id);
  }
  log(`demo: ${ids.size} organisations`);
  for (const recognition of data.recognitions) {
    await recognitions.recognise(SEEDER, { ...recognition, agencyId: ids.get(recognition.agencyKey)! });
  }
  let decisions = 0;
  for (const accreditation of data.accreditations) decisions += await recordWithState(accreditations, accreditation, ids);
  log(`demo: ${decisions} accreditation decisions`);

  const ca = await createDemoCa(new Date('2020-01-01T00:00:00Z'), new Date('2040-01-01T00:00:00Z'));
  await anchors.add(SEEDER, ca.pem);
  let certificateCount = 0;
  let didCount = 0;
  for (const [i, provider] of data.providers.entries()) {
    const organisationId = ids.get(provider.key)!;
    if (i % 3 !== 2) {
      // Most seals are current; every tenth has expired, for historic questions.
      const expired = i % 10 === 1;
      const from = new Date(reference.getTime() - (expired ? 1200 : 365) * DAY);
      const until = new Date(reference.getTime() + (expired ? -100 : 730) * DAY);
      const certificatePem = await ca.issue(provider, from, until, i % 2 === 0);
      await certificates.register(SEEDER, { organisationId, certificatePem });
      certificateCount++;
    }
    if (i % 4 === 0) {
      await dids.register(SEEDER, { organisationId, did: demoDid(provider.legalIdentifier) });
      didCount++;
    }
  }
  // Every agency issues under a DID too, so that EBSI's issuer listing names it as each decision's `tao`.
  for (const agency of data.agencies) {
    await dids.register(SEEDER, { organisationId: ids.get(agency.key)!, did: demoDid(agency.legalIdentifier) });
    didCount++;
  }
  log(`demo: ${certificateCount} issuer certificates under a demo CA, ${didCount} DIDs`);

  const opportunities = app.get(OpportunityService);
  const random = new SeededRandom(7);
  let published = 0;
  for (const [i, provider] of data.providers.entries()) {
    for (let n = 0; n < COURSES_PER_PROVIDER; n++) {
      const course = demoCourse(i * COURSES_PER_PROVIDER + n, { ...provider, city: provider.city!, providerType: provider.providerType! }, random, reference);
      const draft = await opportunities.create(SEEDER, { ...course, providerId: ids.get(provider.key)! });
      // A few stay drafts or are archived, so providers see every state in their own list.
      if (n === COURSES_PER_PROVIDER - 1 && i % 5 === 0) continue;
      const live = await opportunities.publish(SEEDER, { id: draft.id, version: draft.version });
      if (n === COURSES_PER_PROVIDER - 1 && i % 5 === 1) await opportunities.archive(SEEDER, { id: live.id, version: live.version });
      else published++;
    }
  }
  log(`demo: ${published} published learning opportunities`);
  return { organisations: ids.size, accreditations: decisions, certificates: certificateCount, dids: didCount, opportunities: published };
}

/** A did:ebsi-shaped DID derived from a legal identifier: stable from one demo to the next. */
function demoDid(legalIdentifier: string): string {
  return `did:ebsi:z${createHash('sha256').update(legalIdentifier).digest('base64url').replace(/[-_]/g, '').slice(0, 22)}`;
}

/** Records a decision and the changes that bring it to its demo state; returns how many decisions it made. */
async function recordWithState(service: AccreditationService, demo: DemoAccreditation, ids: Map<string, string>): Promise<number> {
  const { providerKey, agencyKey, state, changedAt, successor, ...fields } = demo;
  const base = { ...fields, reviewDate: fields.reviewDate ?? undefined, accreditedOrganisationId: ids.get(providerKey)!, accreditingAgentId: ids.get(agencyKey)! };
  const recorded = await service.record(SEEDER, base);
  if (state === 'SUSPENDED' || state === 'WITHDRAWN') {
    const reason = state === 'SUSPENDED' ? 'complaint under investigation' : 'provider no longer meets the standards';
    await service.changeStatus(SEEDER, { accreditationId: recorded.id, status: state, reason, effectiveAt: changedAt, version: recorded.version });
  }
  if (successor) {
    await service.record(SEEDER, { ...base, ...successor, title: `${fields.title} (renewed)`, supersedesId: recorded.id });
    return 2;
  }
  return 1;
}

/** Midnight UTC of today: the demo's reference day unless one is given. */
export function startOfToday(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
