import { demoRegistry } from '../seed/demo/demo-registry.js';
import { dataOf } from './support/registry-fixtures.js';
import { demoTemplate, eventually, startTestApp, type TestApp } from './support/test-app.js';

const ASK = `query($input: IssuerTrustInput!) { issuerTrust(input: $input) { status reasons { code } warnings { code } validUntil } }`;

/**
 * The demo dataset as `npm start` loads it on a first start — the run's demo template, loaded once
 * through the services for the day of the run (support/seed-demo-template.js), copied for this
 * file — shows each accreditation state as a verifier meets it, and its courses are searchable.
 * The app's Clock is fixed to the demo's reference day: questions about today ask about it.
 */
describe('demo dataset', () => {
  let app: TestApp;
  let reference: Date;
  beforeAll(async () => {
    const demo = await demoTemplate();
    expect(demo.summary).toEqual({ organisations: 60, accreditations: 55, certificates: 34, dids: 23, opportunities: 480 });
    reference = demo.reference;
    app = await startTestApp({}, { demo: true, now: reference });
  }, 600_000); // may wait for the demo template, which the run loads at its start
  afterAll(async () => {
    await app?.close();
  });

  // Deterministic: the same seed and reference day give the same identifiers, so we can ask by them.
  const providers = () => demoRegistry(reference).providers;
  const ask = async (providerIndex: number) =>
    dataOf(await app.graphql(ASK, { input: { organisationIdentifier: providers()[providerIndex].legalIdentifier, at: reference.toISOString() } })).issuerTrust;
  const codes = (items: { code: string }[]) => items.map((i) => i.code);

  it.each([
    [0, 'ACTIVE', 'TRUSTED', [], []],
    [13, 'REVIEW_OVERDUE', 'TRUSTED', [], ['REVIEW_OVERDUE']],
    [25, 'SUSPENDED', 'NOT_TRUSTED', ['ACCREDITATION_SUSPENDED'], []],
    [36, 'WITHDRAWN', 'NOT_TRUSTED', ['ACCREDITATION_WITHDRAWN'], []],
    [37, 'SUPERSEDED (renewed)', 'TRUSTED', [], []],
    [48, 'NEGATIVE', 'NOT_TRUSTED', ['ACCREDITATION_NEGATIVE'], []],
    [49, 'CONDITIONAL', 'TRUSTED', [], ['CONDITIONAL_DECISION']],
    [9, 'by an agency no longer recognised', 'NOT_TRUSTED', ['AGENCY_NOT_RECOGNISED'], []],
  ])('provider %i (%s) is %s', async (index, _state, status, reasons, warnings) => {
    const decision = await ask(index);
    expect(decision.status).toBe(status);
    expect(codes(decision.reasons)).toEqual(reasons);
    expect(codes(decision.warnings)).toEqual(expect.arrayContaining(warnings));
  });

  it('has a decision that expires within three weeks', async () => {
    const decision = await ask(24);
    expect(decision.status).toBe('TRUSTED');
    expect(Date.parse(decision.validUntil) - reference.getTime()).toBeLessThanOrEqual(21 * 24 * 3600 * 1000);
  });

  it("lists every DID in EBSI's registry, and names each provider decision's agency by its DID", async () => {
    const tir = `${app.url}/ebsi/trusted-issuers-registry/v5`;
    expect(((await (await fetch(`${tir}/issuers?page[size]=50`)).json()) as { total: number }).total).toBe(23);
    const agencyDids = dataOf(await app.graphql(`{ organisations(filter: { kind: QUALITY_AGENCY }, first: 50) { edges { node { dids { did } } } } }`))
      .organisations.edges.map((e: { node: { dids: { did: string }[] } }) => e.node.dids[0].did);
    expect(agencyDids).toHaveLength(10);
    const [{ did }] = dataOf(await app.graphql(`query($id: String!) { organisations(filter: { legalIdentifier: $id }) { edges { node { dids { did } } } } }`, { id: providers()[0].legalIdentifier }))
      .organisations.edges[0].node.dids;
    const issuer = (await (await fetch(`${tir}/issuers/${did}`)).json()) as { attributes: { issuerType: string; tao: string }[] };
    expect(issuer.attributes.length).toBeGreaterThan(0);
    for (const attribute of issuer.attributes) expect(agencyDids).toContain(attribute.tao);
    expect(issuer.attributes.map((a) => a.issuerType)).toContain('TI');
  });

  it('gives providers qualified seals under a demo CA that verifiers can check', async () => {
    const organisation = dataOf(
      await app.graphql(`query($id: String!) { organisations(filter: { legalIdentifier: $id }) { edges { node { certificates { sha256 qualifiedESeal } } } } }`, {
        id: providers()[0].legalIdentifier,
      }),
    ).organisations.edges[0].node;
    expect(organisation.certificates).toEqual([{ sha256: expect.stringMatching(/^[0-9a-f]{64}$/), qualifiedESeal: true }]);
    const bySeal = await fetch(`${app.url}/trust/v1/issuers/${organisation.certificates[0].sha256}`);
    expect(((await bySeal.json()) as { status: string }).status).toBe('TRUSTED');
  });

  it('are searchable in several languages, with every mode and EQF levels 3–8 in the facets', async () => {
    const search = async (query: string) =>
      dataOf(
        await app.graphql(`query($input: SearchOpportunitiesInput!) { searchOpportunities(input: $input) { totalHits facets { eqfLevel { value count } mode { value count } language { value count } } } }`, {
          input: { query, pageSize: 1, filters: { includeFinished: true } }, // dated from the reference day: some have ended
        }),
      ).searchOpportunities;
    const all = await eventually(async () => {
      const result = await search('');
      return result.totalHits === 480 ? result : undefined;
    }, 30_000);
    expect(all.facets.mode.map((f: { value: string }) => f.value).sort()).toEqual(['BLENDED', 'ONLINE', 'PRESENTIAL', 'PROJECT_BASED', 'RESEARCH_LAB', 'WORK_BASED']);
    expect(all.facets.eqfLevel.map((f: { value: string }) => Number(f.value)).sort()).toEqual([3, 4, 5, 6, 7, 8]);
    expect(all.facets.language.length).toBeGreaterThanOrEqual(4);
    expect((await search('Schweißtechnik')).totalHits).toBeGreaterThan(0);
    expect((await search('welding')).totalHits).toBeGreaterThan(0);
  });
});
