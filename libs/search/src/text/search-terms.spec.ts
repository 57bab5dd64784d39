import { decompound, foldQuery, searchTerms } from './search-terms.js';

describe('search terms', () => {
  it('splits German compounds into the parts the word list knows, with linking elements', () => {
    expect(decompound('Altenpflege', 'de')).toEqual(['alten', 'pflege']);
    expect(decompound('Datenschutzrecht', 'de')).toEqual(['daten', 'schutz', 'recht']);
    expect(decompound('Lieferkettenmanagement', 'de')).toEqual(['liefer', 'ketten', 'management']);
    expect(decompound('Schweißtechnik', 'de')).toEqual(['schweiss', 'technik']);
  });

  it('splits Dutch compounds, plural and linking forms included', () => {
    expect(decompound('Ouderenzorg', 'nl')).toEqual(['ouderen', 'zorg']);
    expect(decompound('Lastechniek', 'nl')).toEqual(['las', 'techniek']);
    expect(decompound('zonnepanelen', 'nl')).toEqual(['zonne', 'panelen']);
  });

  it('leaves short words and words that are no compound alone', () => {
    expect(decompound('Pflege', 'de')).toEqual([]);
    expect(decompound('Xylophqz', 'de')).toEqual([]);
  });

  it('adds ß as ss and umlauts written out, and parts only for German and Dutch', () => {
    expect(searchTerms(['Schweißtechnik für Anfänger'], 'de')).toEqual(expect.arrayContaining(['schweisstechnik', 'fuer', 'anfaenger', 'schweiss', 'technik']));
    expect(searchTerms(['Altenpflege'], 'en')).toEqual([]);
    expect(searchTerms(['Évaluation environnementale'], 'fr')).toEqual([]);
  });

  it('folds ß in queries', () => {
    expect(foldQuery('Straße Schweißen')).toBe('Strasse Schweissen');
  });
});
