import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ElmDocumentError, ElmGraph } from './elm-graph.js';
import { identifiersOf, readAccreditation } from './elm-records.js';

const FINEEC = readFileSync(join(process.cwd(), '..', 'shared', 'vectors', 'elm', 'sample-accreditation-fineec.jsonld'), 'utf8');

describe('reading ELM documents', () => {
  it("reads the QDR's FINEEC → JAMK accreditation through its elm: namespace quirk", async () => {
    const graph = await ElmGraph.read(FINEEC);
    await graph.prepareKeys();
    const nodes = graph.nodesOf(['Accreditation', 'LearningOpportunity']);
    expect(nodes.map((n) => n.id)).toEqual(['http://data.europa.eu/snb/data-dev/accreditation/c5f442fc-adcb-4ce0-b698-19b0156a5c26']);
    const draft = readAccreditation(nodes[0]);
    expect(draft.problems).toEqual([]);
    const { provider, agent, ...fields } = draft.fields;
    expect(fields).toEqual({
      type: 'INSTITUTIONAL_LICENCE',
      title: 'FINEEC: Institutional audit Audit of Jyväskylä University of Applied Sciences',
      decision: 'POSITIVE',
      issuedAt: new Date('2019-05-20T00:00:00Z'),
      validFrom: new Date('2019-05-20T00:00:00Z'),
      reviewDate: new Date('2025-05-20T00:00:00Z'),
      expiresAt: new Date('2025-05-20T00:00:00Z'),
      reportUrl: 'https://backend.deqar.eu/reports/FINEEC/20200303_1404_JAMK_auditointi.pdf',
      // The first of its two landing pages.
      landingPage: 'https://auditoinnit.karvi.fi/luvut/tiivistelma-3/',
      limitEqfLevels: [6, 7],
      limitFields: ['00'],
      limitJurisdictions: ['FI'],
    });
    // JAMK states placeholder eIDAS and tax ids, but its real VAT number and registration.
    expect(identifiersOf(provider!)).toEqual(expect.arrayContaining(['eIDAS-12345', '10065502', '4548764', 'FI0504']));
    expect(identifiersOf(agent!)).toEqual(expect.arrayContaining(['notation1', 'notation0-ORG-02']));
    // Problems point at the key as the document writes it.
    expect(draft.fieldPaths['input.expiresAt']).toMatch(/^\$\['@graph'\]\[\d+\]\.expiryDate$/);
  });

  it('names what is wrong with a record by its JSON path', async () => {
    const document = JSON.parse(FINEEC);
    const node = document['@graph'].find((n: { '@type': unknown }) => n['@type'] === 'elm:Accreditation');
    const index = document['@graph'].indexOf(node);
    node.limitEQFLevel = ['http://data.europa.eu/snb/eqf/9'];
    delete node.expiryDate;
    const graph = await ElmGraph.read(JSON.stringify(document));
    await graph.prepareKeys();
    const draft = readAccreditation(graph.nodesOf(['Accreditation'])[0]);
    // A missing property is named by its IRI at the record's path; EQF 9 is read as it is, for the registry's own rule to refuse.
    expect(draft.problems).toEqual([{ path: `$['@graph'][${index}] <http://data.europa.eu/snb/model/elm/expiryDate>`, message: 'is required' }]);
    expect(draft.fields.limitEqfLevels).toEqual([9]);
    expect(draft.fieldPaths['input.limitEqfLevels']).toBe(`$['@graph'][${index}].limitEQFLevel`);
  });

  it('refuses what is not a JSON-LD document it can read offline', async () => {
    await expect(ElmGraph.read('{')).rejects.toThrow(ElmDocumentError);
    await expect(ElmGraph.read('{"@graph": []}')).rejects.toMatchObject({ path: "$['@context']" });
    await expect(ElmGraph.read('{"@context": "https://example.org/ctx", "@id": "urn:x"}')).rejects.toThrow(/is not one Tessera holds/);
  });
});
