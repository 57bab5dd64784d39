import { createMeilisearchClient, foldQuery, OPPORTUNITY_SEARCHABLE_WITHOUT_TERMS, opportunityIndexName } from '#search';
import { search } from './support/catalogue-fixtures.js';
import { testEngines } from './support/engines.js';
import { eventually, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Multilingual recall on the demo catalogue (DESIGN §5): German and Dutch compounds found by
 * their parts, ß/ss, umlauts and accents alike. For each language, queries a learner types —
 * parts of the demo's compound titles and words written without ß, umlauts or accents — and the
 * courses that should answer: those whose title in that language contains the query's letters,
 * compared with ß as ss, umlauts written out and accents dropped. Recall is measured through the
 * api (after) and, for the table in docs/search.md, against the same index without the search
 * terms field and without query folding (before). RECALL_REPORT=1 prints the table.
 */
const QUERIES: Record<string, string[]> = {
  de: ['pflege', 'schutz', 'datenschutz', 'recht', 'entwicklung', 'datenbank', 'administration', 'management', 'projekt', 'schweiss', 'technik', 'anlagen', 'umwelt', 'pruefung', 'paedagogik', 'englisch', 'produktion', 'wirtschaft', 'ketten'],
  nl: ['zorg', 'ouderen', 'beheer', 'ontwikkeling', 'techniek', 'werk', 'jongeren', 'panelen', 'rapportage', 'milieu', 'management', 'informatie', 'modellering', 'recht'],
  fr: ['developpement', 'evaluation', 'environnementale', 'hoteliere', 'numerique', 'modelisation', 'batiment', 'pedagogie', 'donnees', 'chaine'],
  es: ['administracion', 'computacion', 'tecnologia', 'instalacion', 'automatizacion', 'enfermeria', 'geriatrica', 'evaluacion', 'ingles', 'produccion', 'pedagogia', 'proteccion', 'logistica', 'jovenes', 'gestion'],
  it: ['contabilita', 'gestione', 'tecnologia', 'saldatura', 'infermieristica', 'giovani', 'edilizie', 'logistica'],
  pt: ['administracao', 'computacao', 'gestao', 'tecnologia', 'instalacao', 'automacao', 'avaliacao', 'producao', 'edicao', 'modelacao', 'informacao', 'construcao', 'protecao', 'logistica', 'infancia'],
  en: ['learning', 'bookkeeping', 'keeping', 'care', 'welding', 'modelling', 'english', 'chain'],
};

/** The ground truth's spelling: lower case, ß as ss, umlauts written out, other accents dropped. */
const plain = (text: string) =>
  text.toLowerCase().replaceAll('ß', 'ss').replaceAll('ä', 'ae').replaceAll('ö', 'oe').replaceAll('ü', 'ue').normalize('NFD').replace(/\p{M}/gu, '');

describe('catalogue search: every language, compounds by their parts', () => {
  let app: TestApp;
  let documents: Record<string, unknown>[];

  beforeAll(async () => {
    app = await startTestApp({}, { demo: true });
    await eventually(async () => ((await search(app, { filters: { includeFinished: true }, pageSize: 1 })).totalHits === 480 ? true : undefined), 60_000, 200);
    const meili = meilisearch();
    documents = (await meili.index(indexName()).getDocuments({ limit: 1000 })).results;
  }, 240_000);
  afterAll(async () => {
    await app.close();
  });

  const meilisearch = () => {
    const engines = testEngines();
    return createMeilisearchClient({ url: engines.meiliUrl, masterKey: engines.meiliMasterKey, indexPrefix: app.config.meiliIndexPrefix });
  };
  const indexName = () => opportunityIndexName(app.config.meiliIndexPrefix);
  const relevant = (lang: string, query: string) =>
    new Set(documents.filter((d) => typeof d[`title_${lang}`] === 'string' && plain(d[`title_${lang}`] as string).includes(plain(query))).map((d) => d.id as string));

  async function recall(lang: string, find: (query: string) => Promise<Set<string>>): Promise<{ found: number; relevant: number }> {
    let found = 0;
    let total = 0;
    for (const query of QUERIES[lang]) {
      const wanted = relevant(lang, query);
      const got = await find(query);
      total += wanted.size;
      found += [...wanted].filter((id) => got.has(id)).length;
    }
    return { found, relevant: total };
  }

  const viaApi = async (query: string) => {
    const ids = new Set<string>();
    for (let page = 1; page <= 3; page++) {
      const result = await search(app, { query, filters: { includeFinished: true }, pageSize: 100, page });
      result.hits.forEach((h) => ids.add(h.opportunity.id));
      if (result.hits.length < 100) break;
    }
    return ids;
  };
  // Meilisearch refuses to search an attribute no document has.
  const present = (attributes: string[]) => attributes.filter((a) => documents.some((d) => a in d));
  const before = async (query: string) => {
    const result = await meilisearch().index(indexName()).search(query, { limit: 1000, attributesToRetrieve: ['id'], attributesToSearchOn: present(OPPORTUNITY_SEARCHABLE_WITHOUT_TERMS) });
    return new Set(result.hits.map((h) => h.id as string));
  };

  it('has queries that the demo answers in every language', () => {
    for (const [lang, queries] of Object.entries(QUERIES)) for (const query of queries) expect([lang, query, relevant(lang, query).size > 0]).toEqual([lang, query, true]);
  });

  it('finds German compounds by their parts, ß as ss and umlauts written out', async () => {
    const altenpflege = relevant('de', 'altenpflege');
    expect(altenpflege.size).toBeGreaterThan(0);
    expect([...altenpflege].filter((id) => !altenpflegeFound.has(id))).toEqual([]);
    const found = await viaApi('Pflege');
    expect([...altenpflege].every((id) => found.has(id))).toBe(true);
    const welding = relevant('de', 'schweisstechnik');
    const schweiss = await viaApi('schweisstechnik');
    expect([...welding].every((id) => schweiss.has(id))).toBe(true);
    // Not all: the word list lacks some parts (see the table in docs/search.md); most are found.
    const result = await recall('de', viaApi);
    expect(result.found / result.relevant).toBeGreaterThan(0.9);
  });
  let altenpflegeFound: Set<string>;
  beforeAll(async () => {
    altenpflegeFound = await viaApi('Altenpflege');
  });

  it('finds Dutch compounds by their parts', async () => {
    const result = await recall('nl', viaApi);
    expect(result.found).toBe(result.relevant);
  });

  it('treats accents alike in French, Spanish, Italian and Portuguese', async () => {
    for (const lang of ['fr', 'es', 'it', 'pt']) {
      const result = await recall(lang, viaApi);
      expect([lang, result.found]).toEqual([lang, result.relevant]);
    }
  });

  it('recalls at least as much as before in every language', async () => {
    const rows: string[] = [];
    for (const lang of Object.keys(QUERIES)) {
      const was = await recall(lang, (q) => before(q));
      const now = await recall(lang, viaApi);
      expect(now.found).toBeGreaterThanOrEqual(was.found);
      rows.push(`| ${lang} | ${QUERIES[lang].length} | ${now.relevant} | ${was.found} (${pct(was)}) | ${now.found} (${pct(now)}) |`);
    }
    if (process.env.RECALL_REPORT === '1') process.stdout.write(['| language | queries | relevant | before | after |', '|---|---|---|---|---|', ...rows].join('\n') + '\n');
    expect(foldQuery('Straße')).toBe('Strasse');
  });
});

function pct(r: { found: number; relevant: number }): string {
  return `${Math.round((r.found / r.relevant) * 100)}%`;
}
