import pg from 'pg';
import { createPublished, eventuallyFinds, search } from './support/catalogue-fixtures.js';
import { createApiKey, dataOf, registerOrganisation } from './support/registry-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const DAY = 24 * 3600 * 1000;

/**
 * What a learner expects of the answers (DESIGN §5): finished courses hidden, START_DATE strictly
 * by date with upcoming courses first, "starts soon" and the application deadline on hits,
 * multi-select (disjunctive) facets, and hits served from the index document. Dates are relative
 * to `now` (when the file starts), at which the app's Clock is fixed: "finished" and "starts soon"
 * do not move while the file runs. One provider of its own scopes every search.
 */
describe('catalogue search: order, finished courses, disjunctive facets, hits from the index', () => {
  let app: TestApp;
  let scope: { providerIds: string[] };
  const now = Math.floor(Date.now() / 1000) * 1000; // whole seconds, as the index keeps times
  const at = (days: number) => new Date(now + days * DAY).toISOString();
  const ids: Record<'finished' | 'running' | 'soon' | 'later' | 'latest' | 'undated', string> = {} as never;

  beforeAll(async () => {
    app = await startTestApp({}, { now: new Date(now) });
    const provider = await registerOrganisation(app, 'PROVIDER', { country: 'AT' });
    const token = await createApiKey(app, 'PROVIDER', provider.id);
    scope = { providerIds: [provider.id] };
    const course = (title: string, eqfLevel: number, mode: string, startDate: string | null, endDate: string | null, applicationDeadline: string | null = null) =>
      createPublished(app, token, { title: [{ lang: 'en', text: title }], eqfLevel, mode, startDate, endDate, applicationDeadline });
    const [finished, running, soon, later, latest, undated] = await Promise.all([
      course('Welding of pipelines, spring', 4, 'PRESENTIAL', at(-60), at(-7)),
      course('Welding of pipelines, running now', 6, 'ONLINE', at(-20), at(40)),
      course('Welding of pipelines for beginners', 4, 'ONLINE', at(10), at(60), at(5)),
      course('Welding of pipelines in autumn', 5, 'PRESENTIAL', at(100), at(150), at(80)),
      // The best text match for "welding pipelines" starts last: a date sort must not move it up.
      course('Welding pipelines', 5, 'ONLINE', at(200), at(260)),
      course('Welding of pipelines, on demand', 4, 'BLENDED', null, null),
    ]);
    Object.assign(ids, { finished: finished.id, running: running.id, soon: soon.id, later: later.id, latest: latest.id, undated: undated.id });
    // A young Meilisearch takes seconds over its first documents, more on a loaded machine: bounded generously.
    await eventuallyFinds(app, { filters: { ...scope, includeFinished: true } }, Object.values(ids), 30_000);
  });
  afterAll(async () => {
    await app.close();
  });

  const order = async (input: Record<string, unknown>) => (await search(app, { pageSize: 100, ...input, filters: { ...scope, ...(input.filters as object) } })).hits.map((h) => h.opportunity.id);

  it('leaves finished courses out unless includeFinished', async () => {
    expect((await order({})).sort()).toEqual([ids.running, ids.soon, ids.later, ids.latest, ids.undated].sort());
    expect(await order({ query: 'spring' })).toEqual([]);
    expect(await order({ query: 'spring', filters: { includeFinished: true } })).toEqual([ids.finished]);
  });

  it('sorts START_DATE strictly by date, upcoming first, then those running, then those without a date', async () => {
    const upcomingFirst = [ids.soon, ids.later, ids.latest, ids.running, ids.undated];
    expect(await order({ sort: 'START_DATE' })).toEqual(upcomingFirst);
    // The sort ranks before text relevance: the best match "Welding pipelines" stays in its place.
    expect(await order({ sort: 'START_DATE', query: 'welding pipelines' })).toEqual(upcomingFirst);
    expect(await order({ sort: 'START_DATE', filters: { includeFinished: true } })).toEqual([ids.soon, ids.later, ids.latest, ids.finished, ids.running, ids.undated]);
    expect(await order({ sort: 'START_DATE', sortOrder: 'DESC' })).toEqual([ids.latest, ids.later, ids.soon, ids.running, ids.undated]);
    // Pages cut through the two parts: within the upcoming ones, across, and wholly past them.
    const page = async (n: number) => {
      const result = await search(app, { filters: scope, sort: 'START_DATE', page: n, pageSize: 2 });
      expect(result.totalHits).toBe(5);
      return result.hits.map((h) => h.opportunity.id);
    };
    expect([await page(1), await page(2), await page(3), await page(4)]).toEqual([[ids.soon, ids.later], [ids.latest, ids.running], [ids.undated], []]);
  });

  it('says on each hit when it starts, whether it starts soon and until when one can apply', async () => {
    const result = await app.graphql(
      `query($input: SearchOpportunitiesInput!) { searchOpportunities(input: $input) { hits { startsSoon startDate applicationDeadline opportunity { id } } } }`,
      { input: { filters: scope, sort: 'START_DATE', pageSize: 100 } },
    );
    const hits = dataOf(result).searchOpportunities.hits as { startsSoon: boolean; startDate: string | null; applicationDeadline: string | null; opportunity: { id: string } }[];
    const byId = Object.fromEntries(hits.map((h) => [h.opportunity.id, h]));
    expect(byId[ids.soon]).toMatchObject({ startsSoon: true, startDate: at(10), applicationDeadline: at(5) });
    expect(byId[ids.later]).toMatchObject({ startsSoon: false, applicationDeadline: at(80) });
    expect(byId[ids.running]).toMatchObject({ startsSoon: false, applicationDeadline: null });
    expect(byId[ids.undated]).toMatchObject({ startsSoon: false, startDate: null });
  });

  it('ORs values within a facet group and counts each selected group as if its own selection were off', async () => {
    const levels = await search(app, { filters: { ...scope, eqfLevels: [4, 5] } });
    expect(levels.totalHits).toBe(4); // soon, later, latest, undated
    expect(levels.facets.eqfLevel).toEqual([{ value: '4', count: 2 }, { value: '5', count: 2 }, { value: '6', count: 1 }]);
    expect(levels.facets.mode).toEqual([{ value: 'ONLINE', count: 2 }, { value: 'BLENDED', count: 1 }, { value: 'PRESENTIAL', count: 1 }]);

    const two = await search(app, { filters: { ...scope, eqfLevels: [4, 5], modes: ['ONLINE', 'BLENDED'] } });
    expect(two.totalHits).toBe(3); // soon, latest, undated
    // Levels over the ONLINE or BLENDED ones; modes over the level 4 or 5 ones; others over the hits.
    expect(two.facets.eqfLevel).toEqual([{ value: '4', count: 2 }, { value: '5', count: 1 }, { value: '6', count: 1 }]);
    expect(two.facets.mode).toEqual([{ value: 'ONLINE', count: 2 }, { value: 'BLENDED', count: 1 }, { value: 'PRESENTIAL', count: 1 }]);
    expect(two.facets.country).toEqual([{ value: 'AT', count: 3 }]);
    // Finished courses count in no facet unless asked for.
    expect((await search(app, { filters: { ...scope, eqfLevels: [4] } })).facets.mode).toEqual([{ value: 'BLENDED', count: 1 }, { value: 'ONLINE', count: 1 }]);
  });

  it('suggests titles, skills and providers as one types, finished courses left out', async () => {
    const suggest = async (prefix: string) =>
      dataOf(await app.graphql(`query($input: SuggestOpportunitiesInput!) { suggestOpportunities(input: $input) { text kind opportunityId } }`, { input: { prefix, locale: 'de' } }))
        .suggestOpportunities as { text: string; kind: string; opportunityId: string | null }[];
    const titles = (await suggest('weld')).filter((s) => s.kind === 'TITLE');
    expect(titles).toContainEqual({ text: 'Welding of pipelines for beginners', kind: 'TITLE', opportunityId: ids.soon });
    expect(titles.map((s) => s.opportunityId)).not.toContain(ids.finished);
    expect(await suggest('welding of pipelines, spr')).toEqual([]);
    expect(await suggest('cross-valid')).toContainEqual({ text: 'Evaluate a classifier with cross-validation', kind: 'SKILL', opportunityId: null });
    expect(await suggest('zzzq')).toEqual([]);
  });

  it('serves hits from the index document, and reads PostgreSQL only for a field the document lacks', async () => {
    // Changed under the api (no outbox row): the index still holds the old title.
    const client = new pg.Client({ connectionString: app.databaseUrl });
    await client.connect();
    try {
      await client.query(`UPDATE learning_opportunities SET title = '{"en": "Changed in the database only"}' WHERE id = $1`, [ids.latest]);
    } finally {
      await client.end();
    }
    const hitOf = async (fields: string) => {
      const result = await app.graphql(
        `query($input: SearchOpportunitiesInput!) { searchOpportunities(input: $input) { hits { title opportunity { id ${fields} } } } }`,
        { input: { query: 'welding pipelines', filters: scope, pageSize: 100 } },
      );
      return (dataOf(result).searchOpportunities.hits as { title: string; opportunity: Record<string, any> }[]).find((h) => h.opportunity.id === ids.latest)!;
    };
    const fromIndex = await hitOf('title { lang text } eqfLevel mode startDate price { amount } free provider { id legalName country }');
    expect(fromIndex.title).toBe('Welding pipelines');
    expect(fromIndex.opportunity).toMatchObject({ title: [{ lang: 'en', text: 'Welding pipelines' }], eqfLevel: 5, mode: 'ONLINE', startDate: at(200), provider: { id: scope.providerIds[0], country: 'AT' } });
    const fromDatabase = await hitOf('landingPage');
    expect(fromDatabase.title).toBe('Changed in the database only');
  });
});
