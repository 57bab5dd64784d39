import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import rdf from '@zazuko/env';
import N3 from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { toNQuads } from '../../libs/elm/src/jsonld/document-loader.js';

/**
 * Validates ELM JSON-LD against the Commission's SHACL shapes (`../shared/vectors/elm/shacl`) with
 * a real SHACL engine (rdf-validate-shacl), offline: the document is turned into RDF by `jsonld`
 * through Tessera's local document loader.
 *
 * The shapes as shipped have three known defects, patched here and only here — our data is not
 * bent around them (docs/elm.md says the same):
 * 1. `owl:imports` of vocabularies (rdf:, skos:, elm:, …) that a validator would have to fetch;
 *    rdf-validate-shacl refuses them without an import graph. They add no constraints: removed.
 * 2. The URL pattern of `URLRegexRestriction` starts with Java's inline flag `(?i)`, which
 *    ECMAScript regular expressions reject. Replaced by the same pattern with `sh:flags "i"`.
 * 3. LOQ's `EscoSkillRestriction` wants the ESCO skill's `skos:inScheme` to match
 *    `^https://ec.europa.eu/esco/skill/`, but ESCO publishes skills as
 *    `http://data.europa.eu/esco/skill/…` in `http://data.europa.eu/esco/concept-scheme/skills`
 *    — the Commission's own Annex I sample fails it as shipped. The pattern is widened to
 *    `^http://data.europa.eu/esco/`.
 */
const SHACL_DIR = join(process.cwd(), '..', 'shared', 'vectors', 'elm', 'shacl');

export const ELM_NS = 'http://data.europa.eu/snb/model/elm/';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

export function patchShapes(turtle: string): string {
  return turtle
    .replace(/^\s*owl:imports\s+[^;.]*;\s*$/gm, '')
    .replaceAll('sh:pattern "^(?i)', 'sh:flags "i" ; sh:pattern "^')
    .replaceAll('sh:pattern "^https://ec.europa.eu/esco/skill/"', 'sh:pattern "^http://data.europa.eu/esco/"');
}

function parse(text: string, format: string) {
  const dataset = rdf.dataset();
  dataset.addAll(new N3.Parser({ format }).parse(text));
  return dataset;
}

type Profile = 'AMS' | 'LOQ';
const shapeCache = new Map<Profile, ReturnType<typeof parse>>();

/** A profile's shapes (with its `-mdr` vocabulary constraints), each file passed through `patch`. */
export function readShapes(profile: Profile, patch: (turtle: string) => string = patchShapes) {
  const shapes = parse(patch(readFileSync(join(SHACL_DIR, `${profile}-constraints.ttl`), 'utf8')), 'text/turtle');
  shapes.addAll(parse(patch(readFileSync(join(SHACL_DIR, `${profile}-constraints-mdr.ttl`), 'utf8')), 'text/turtle'));
  return shapes;
}

export function shapesOf(profile: Profile) {
  let shapes = shapeCache.get(profile);
  if (!shapes) {
    shapes = readShapes(profile);
    shapeCache.set(profile, shapes);
  }
  return shapes;
}

export interface ShaclOutcome {
  conforms: boolean;
  /** Each violation as "focus path: message (component)", for readable failures. */
  violations: string[];
  /** How many nodes of each ELM class (local name) the document holds: the shapes' focus nodes. */
  focusNodes(localName: string): number;
}

export async function validateElm(document: object, profile: Profile, shapes = shapesOf(profile)): Promise<ShaclOutcome> {
  const data = parse(await toNQuads(document), 'application/n-quads');
  const report = await new SHACLValidator(shapes, { factory: rdf }).validate(data);
  const types = [...data.match(null, rdf.namedNode(RDF_TYPE), null)].map((q) => q.object.value);
  return {
    conforms: report.conforms,
    violations: report.results.map(
      (r) =>
        `${r.focusNode?.value} ${r.path?.value ?? ''}: ${r.message.map((m) => m.value).join('; ')} (${r.sourceConstraintComponent?.value.split('#')[1]}) value=${r.value?.value ?? ''}`,
    ),
    focusNodes: (localName) => types.filter((t) => t === `${ELM_NS}${localName}`).length,
  };
}
