import { ARCHIVE_OPPORTUNITY, createOpportunity, createPublished, eventuallyFinds, outboxDrained, search, searchIds, searchRaw } from './support/catalogue-fixtures.js';
import { agencyAndProvider, createApiKey, dataOf, recordAccreditation, registerOrganisation } from './support/registry-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * searchOpportunities against the real Meilisearch: every filter, the facet counts, sorts,
 * pages, text in two languages with typos, and the display locale. Five published opportunities
 * of two providers (scoped by providerIds, so that other tests' data does not count).
 */
const NOW = new Date('2026-11-01T00:00:00Z');

describe('catalogue search: text, filters, facets, sorts and pages', () => {
  let app: TestApp;
  const ids: Record<'a1' | 'a2' | 'a3' | 'b1' | 'b2', string> = {} as never;
  // Fixed dates, all but b2's before NOW (the app's fixed Clock): finished courses are included
  // (hiding them is tested in catalogue-search-order).
  let scope: { providerIds: string[]; includeFinished: true };

  beforeAll(async () => {
    app = await startTestApp({}, { now: NOW });
    const a = await agencyAndProvider(app); // provider in FI, accredited below
    await recordAccreditation(app, a.agencyToken, a.provider.id, { validFrom: '2020-01-01T00:00:00Z', issuedAt: '2020-01-01T00:00:00Z', expiresAt: '2099-01-01T00:00:00Z', reviewDate: null });
    const b = await registerOrganisation(app, 'PROVIDER', { country: 'DE' }); // not accredited
    const bToken = await createApiKey(app, 'PROVIDER', b.id);
    scope = { providerIds: [a.provider.id, b.id], includeFinished: true };

    const published = await Promise.all([
      createPublished(app, a.providerToken, {
        title: [
          { lang: 'en', text: 'Applied machine learning' },
          { lang: 'de', text: 'Angewandtes maschinelles Lernen' },
        ],
        eqfLevel: 6, ectsCredits: 5, iscedFCodes: ['0613'], languages: ['en', 'de'], mode: 'ONLINE',
        price: { amount: 250, currency: 'EUR' }, startDate: '2026-09-01T00:00:00Z', endDate: '2026-12-01T00:00:00Z',
      }),
      createPublished(app, a.providerToken, {
        title: [
          { lang: 'en', text: 'Data science foundations' },
          { lang: 'de', text: 'Grundlagen der Datenwissenschaft' },
        ],
        description: [{ lang: 'de', text: 'Statistik, Datenbanken und Visualisierung' }, { lang: 'en', text: 'Statistics, databases and visualisation' }],
        eqfLevel: 7, ectsCredits: 10, iscedFCodes: ['0688', '0542'], languages: ['en'], mode: 'BLENDED', price: null, free: true,
        startDate: '2026-10-01T00:00:00Z', endDate: '2027-02-01T00:00:00Z', location: { country: 'FI', city: 'Helsinki', lat: 60.1699, lng: 24.9384 },
      }),
      createPublished(app, a.providerToken, {
        title: [{ lang: 'en', text: 'Welding basics 2024' }],
        eqfLevel: 4, ectsCredits: 2, iscedFCodes: ['0715'], languages: ['fi'], mode: 'PRESENTIAL', price: { amount: 80, currency: 'EUR' },
        qualityAssurance: null, startDate: '2026-07-01T00:00:00Z', endDate: '2026-08-01T00:00:00Z', applicationDeadline: '2026-06-15T00:00:00Z',
        location: { country: 'FI', city: 'Tampere', lat: 61.4978, lng: 23.761 },
      }),
      createPublished(app, bToken, {
        title: [
          { lang: 'de', text: 'Pflegeassistenz kompakt' },
          { lang: 'en', text: 'Care assistance essentials' },
        ],
        eqfLevel: 4, ectsCredits: 3, iscedFCodes: ['0913'], languages: ['de'], mode: 'PRESENTIAL', price: { amount: 120, currency: 'EUR' },
        startDate: '2026-09-15T00:00:00Z', endDate: '2026-11-15T00:00:00Z', location: { country: 'DE', city: 'Berlin', lat: 52.52, lng: 13.405 },
      }),
      createPublished(app, bToken, {
        title: [{ lang: 'en', text: 'Cloud computing for managers' }],
        eqfLevel: 6, ectsCredits: 4, iscedFCodes: ['0611', '0413'], languages: ['en', 'de'], mode: 'ONLINE', price: { amount: 400, currency: 'EUR' },
        startDate: '2099-01-10T00:00:00Z', endDate: '2099-03-01T00:00:00Z', applicationDeadline: '2099-01-01T00:00:00Z',
      }),
    ]);
    [ids.a1, ids.a2, ids.a3, ids.b1, ids.b2] = published.map((o) => o.id);
    // Neither a draft nor an archived opportunity is ever found.
    await createOpportunity(app, bToken, { title: [{ lang: 'en', text: 'Draft course on cloud computing' }] });
    const archived = await createPublished(app, bToken, { title: [{ lang: 'en', text: 'Archived cloud computing course' }] });
    dataOf(await app.graphql(ARCHIVE_OPPORTUNITY, { input: { id: archived.id, version: archived.version } }, bToken));

    // A young Meilisearch takes seconds over its first documents, more on a loaded machine: bounded generously.
    await eventuallyFinds(app, { filters: scope }, Object.values(ids), 30_000);
    // ...and the archived course's removal applied too: it can be found between its publication and its archiving.
    await outboxDrained(app);
  });
  afterAll(async () => {
    await app.close();
  });

  const find = (filters: Record<string, unknown>, extra: Record<string, unknown> = {}) => searchIds(app, { pageSize: 100, filters: { ...scope, ...filters }, ...extra });
  const expectFound = async (filters: Record<string, unknown>, names: (keyof typeof ids)[]) => {
    expect((await find(filters)).sort()).toEqual(names.map((n) => ids[n]).sort());
  };

  it('filters by EQF level, ISCED-F code prefix, country, language and mode', async () => {
    await expectFound({ eqfLevels: [6] }, ['a1', 'b2']);
    await expectFound({ eqfLevels: [4, 7] }, ['a2', 'a3', 'b1']);
    await expectFound({ iscedF: ['06'] }, ['a1', 'a2', 'b2']);
    await expectFound({ iscedF: ['061'] }, ['a1', 'b2']);
    await expectFound({ iscedF: ['0613'] }, ['a1']);
    await expectFound({ iscedF: ['07', '09'] }, ['a3', 'b1']);
    await expectFound({ countries: ['DE'] }, ['b1', 'b2']); // b2 has no location: its provider's country
    await expectFound({ languages: ['de'] }, ['a1', 'b1', 'b2']);
    await expectFound({ modes: ['PRESENTIAL'] }, ['a3', 'b1']);
    await expectFound({ modes: ['ONLINE', 'BLENDED'], languages: ['en'] }, ['a1', 'a2', 'b2']);
  });

  it('filters by ECTS range, start dates, price, free and Annex I completeness', async () => {
    await expectFound({ ectsMin: 4 }, ['a1', 'a2', 'b2']);
    await expectFound({ ectsMax: 3 }, ['a3', 'b1']);
    await expectFound({ ectsMin: 3, ectsMax: 5 }, ['a1', 'b1', 'b2']);
    await expectFound({ startsFrom: '2026-09-01T00:00:00Z', startsTo: '2026-09-30T00:00:00Z' }, ['a1', 'b1']);
    await expectFound({ startsFrom: '2027-01-01T00:00:00Z' }, ['b2']);
    await expectFound({ maxPrice: 100 }, ['a2', 'a3']); // free counts as 0
    await expectFound({ freeOnly: true }, ['a2']);
    await expectFound({ annexICompleteOnly: true }, ['a1', 'a2', 'b1', 'b2']); // a3 states no quality assurance
  });

  it('filters by provider, by distance and by accreditation now', async () => {
    await expectFound({ providerIds: [scope.providerIds[1]] }, ['b1', 'b2']);
    await expectFound({ near: { lat: 60.17, lng: 24.94, radiusKm: 50 } }, ['a2']);
    await expectFound({ near: { lat: 60.17, lng: 24.94, radiusKm: 200 } }, ['a2', 'a3']); // Tampere is ~160 km away
    await expectFound({ accreditedOnly: true }, ['a1', 'a2', 'a3']);
    const hits = (await search(app, { filters: scope, pageSize: 100 })).hits;
    expect(Object.fromEntries(hits.map((h) => [h.opportunity.id, h.accreditedNow]))).toEqual({
      [ids.a1]: true, [ids.a2]: true, [ids.a3]: true, [ids.b1]: false, [ids.b2]: false,
    });
  });

  it('says "accredited now" as the registry does: a suspended provider leaves accreditedOnly, and its hits, its record and trust agree', async () => {
    const own = await agencyAndProvider(app); // its own provider, so that the others stay accredited
    await recordAccreditation(app, own.agencyToken, own.provider.id, { validFrom: '2020-01-01T00:00:00Z', issuedAt: '2020-01-01T00:00:00Z', expiresAt: '2099-01-01T00:00:00Z', reviewDate: null });
    const course = await createPublished(app, own.providerToken, { title: [{ lang: 'en', text: 'Suspension check' }] });
    const only = { providerIds: [own.provider.id], includeFinished: true, accreditedOnly: true };
    // Bounded generously: this is about what the answer says, not how fast it arrives (a bench figure).
    await eventuallyFinds(app, { filters: only }, [course.id], 20_000);

    const view = async () =>
      dataOf(
        await app.graphql(
          `query($input: SearchOpportunitiesInput!, $id: ID!) {
            searchOpportunities(input: $input) { hits { accreditedNow opportunity { provider { accredited accreditations { inForce } } } } }
            issuerTrust(input: { organisationId: $id }) { status }
          }`,
          { input: { filters: { providerIds: [own.provider.id], includeFinished: true } }, id: own.provider.id },
        ),
      );
    expect(await view()).toEqual({
      searchOpportunities: { hits: [{ accreditedNow: true, opportunity: { provider: { accredited: true, accreditations: [{ inForce: true }] } } }] },
      issuerTrust: { status: 'TRUSTED' },
    });

    dataOf(
      await app.graphql(
        `mutation($input: ChangeOrganisationStatusInput!) { changeOrganisationStatus(input: $input) { id } }`,
        { input: { organisationId: own.provider.id, status: 'SUSPENDED', reason: 'under investigation', version: own.provider.version } },
        app.adminToken,
      ),
    );
    await eventuallyFinds(app, { filters: only }, [], 20_000);
    // The decision itself stays in force; the provider's own status takes the accreditation away, everywhere.
    expect(await view()).toEqual({
      searchOpportunities: { hits: [{ accreditedNow: false, opportunity: { provider: { accredited: false, accreditations: [{ inForce: true }] } } }] },
      issuerTrust: { status: 'NOT_TRUSTED' },
    });
  });

  it('counts facets over every match, and over the filtered matches', async () => {
    const all = await search(app, { filters: scope, pageSize: 1 });
    expect(all.totalHits).toBe(5);
    expect(all.hits).toHaveLength(1);
    expect(all.facets).toEqual({
      eqfLevel: [{ value: '4', count: 2 }, { value: '6', count: 2 }, { value: '7', count: 1 }],
      mode: [{ value: 'ONLINE', count: 2 }, { value: 'PRESENTIAL', count: 2 }, { value: 'BLENDED', count: 1 }],
      language: [{ value: 'de', count: 3 }, { value: 'en', count: 3 }, { value: 'fi', count: 1 }],
      country: [{ value: 'FI', count: 3 }, { value: 'DE', count: 2 }],
      iscedBroad: [{ value: '06', count: 3 }, { value: '04', count: 1 }, { value: '05', count: 1 }, { value: '07', count: 1 }, { value: '09', count: 1 }],
    });
    const online = await search(app, { filters: { ...scope, modes: ['ONLINE'] } });
    expect(online.totalHits).toBe(2);
    expect(online.facets.eqfLevel).toEqual([{ value: '6', count: 2 }]);
    expect(online.facets.country).toEqual([{ value: 'DE', count: 1 }, { value: 'FI', count: 1 }]);
  });

  it('sorts by start date, price and ECTS, and pages', async () => {
    // Upcoming first (b2 starts in 2099), then those that have started, each by date.
    expect(await find({}, { sort: 'START_DATE' })).toEqual([ids.b2, ids.a3, ids.a1, ids.b1, ids.a2]);
    expect(await find({}, { sort: 'START_DATE', sortOrder: 'DESC' })).toEqual([ids.b2, ids.a2, ids.b1, ids.a1, ids.a3]);
    expect(await find({}, { sort: 'PRICE' })).toEqual([ids.a2, ids.a3, ids.b1, ids.a1, ids.b2]);
    expect(await find({}, { sort: 'ECTS', sortOrder: 'DESC' })).toEqual([ids.a2, ids.a1, ids.b2, ids.b1, ids.a3]);
    const second = await search(app, { filters: scope, sort: 'START_DATE', page: 2, pageSize: 2 });
    expect(second).toMatchObject({ totalHits: 5, page: 2, pageSize: 2 });
    expect(second.hits.map((h) => h.opportunity.id)).toEqual([ids.a1, ids.b1]);
    expect((await search(app, { filters: scope, page: 4, pageSize: 2 })).hits).toEqual([]);
  });

  it('finds by text in German and in English, forgives typos in words but not in numbers', async () => {
    // Best match first; words that match nothing are dropped from the end (Meilisearch's default).
    const top = async (query: string) => (await find({}, { query }))[0];
    expect(await top('Datenwissenschaft')).toBe(ids.a2);
    expect(await top('data science')).toBe(ids.a2);
    expect(await top('Pflegeassistenz')).toBe(ids.b1);
    expect(await top('care assistance')).toBe(ids.b1);
    expect(await top('maschinelles Lernen')).toBe(ids.a1);
    expect(await top('aplied machin lerning')).toBe(ids.a1); // a typo in each word
    expect(await top('weldng')).toBe(ids.a3);
    expect(await top('Statistik')).toBe(ids.a2); // descriptions count too
    expect(await top('ml')).toBe(ids.a1); // a synonym of "machine learning"
    expect(await find({}, { query: '2024' })).toEqual([ids.a3]);
    expect(await find({}, { query: '2025' })).toEqual([]); // no typo in a number
    expect(await find({}, { query: 'cloud computing' })).toEqual([ids.b2]); // not the draft, not the archived one
  });

  it('shows titles and descriptions in the display locale, else English', async () => {
    const hit = async (query: string, locale?: string) => (await search(app, { query, filters: scope, locale })).hits[0];
    expect(await hit('machine learning', 'de')).toMatchObject({ title: 'Angewandtes maschinelles Lernen', locale: 'de' });
    expect(await hit('Datenwissenschaft', 'de')).toMatchObject({ title: 'Grundlagen der Datenwissenschaft', description: 'Statistik, Datenbanken und Visualisierung' });
    expect(await hit('Datenwissenschaft', 'fr')).toMatchObject({ title: 'Data science foundations', locale: 'en', description: 'Statistics, databases and visualisation' });
    expect(await hit('Pflegeassistenz')).toMatchObject({ title: 'Care assistance essentials', locale: 'en' });
  });

  it('refuses a page over 100 and ranges the wrong way round, naming the field', async () => {
    const tooBig = await searchRaw(app, { pageSize: 101 });
    expect(tooBig.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.pageSize' }] });
    const ects = await searchRaw(app, { filters: { ectsMin: 5, ectsMax: 2 } });
    expect(ects.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.filters.ectsMax' }] });
    const codes = await searchRaw(app, { filters: { iscedF: ['6'], countries: ['Finland'], near: { lat: 0, lng: 0, radiusKm: 0 } } });
    expect(codes.errors?.[0].extensions?.fields?.map((f) => f.field)).toEqual(
      expect.arrayContaining(['input.filters.iscedF', 'input.filters.countries', 'input.filters.near.radiusKm']),
    );
  });
});
