import type JsonLd from 'jsonld';
import { jsonLd, localDocumentLoader, UnknownContextError } from '../jsonld/document-loader.js';
import { ELM, officialElmIri } from '../jsonld/elm-terms.js';

/**
 * An ELM JSON-LD document read into a graph we can walk: flattened (every node once, by `@id`,
 * nested nodes become references), with the QDR's `elm:` namespace mapped onto the official one,
 * and a way back from a node and property to the JSON path in the document as the caller wrote it.
 */

type Expanded = Record<string, unknown>;

export interface Literal {
  value: string;
  language?: string;
  type?: string;
}

export class ElmNode {
  constructor(
    private readonly graph: ElmGraph,
    readonly id: string,
    private readonly raw: Expanded,
  ) {}

  get types(): string[] {
    return ((this.raw['@type'] as string[] | undefined) ?? []).map(officialElmIri);
  }

  is(localName: string): boolean {
    return this.types.includes(ELM + localName);
  }

  private values(property: string): Expanded[] {
    const found: Expanded[] = [];
    for (const [key, value] of Object.entries(this.raw)) {
      if (!key.startsWith('@') && officialElmIri(key) === property) found.push(...(value as Expanded[]));
    }
    return found;
  }

  /** The literals of a property (strings, numbers, language strings, typed values). */
  literals(property: string): Literal[] {
    return this.values(property)
      .filter((v) => '@value' in v)
      .map((v) => ({ value: String(v['@value']), language: v['@language'] as string | undefined, type: v['@type'] as string | undefined }));
  }

  literal(property: string): string | undefined {
    return this.literals(property)[0]?.value.trim() || undefined;
  }

  /** Language → text of a multilingual property; whitespace runs are collapsed. Untagged text counts as English. */
  texts(property: string): Record<string, string> {
    const texts: Record<string, string> = {};
    for (const { value, language } of this.literals(property)) {
      const text = value.replace(/\s+/g, ' ').trim();
      const lang = (language ?? 'en').toLowerCase().slice(0, 2);
      if (text !== '' && texts[lang] === undefined) texts[lang] = text;
    }
    return texts;
  }

  /** The IRIs (or blank node ids) a property refers to. */
  refs(property: string): string[] {
    return this.values(property)
      .filter((v) => '@id' in v)
      .map((v) => v['@id'] as string);
  }

  /** The nodes a property refers to (a reference to a node the document does not hold yields a node without properties). */
  nodes(property: string): ElmNode[] {
    return this.refs(property).map((id) => this.graph.node(id));
  }

  node(property: string): ElmNode | undefined {
    return this.nodes(property)[0];
  }

  /** Whether the document says anything about this property. */
  has(property: string): boolean {
    return this.values(property).length > 0;
  }

  /** The JSON path of this node in the document, or of one of its properties. */
  path(property?: string): string {
    return this.graph.pathOf(this.id, property);
  }
}

export class ElmGraph {
  private readonly byId = new Map<string, Expanded>();
  /** Where each node with an `@id` sits in the document as written. */
  private readonly paths = new Map<string, { path: string; object: Record<string, unknown>; order: number }>();
  private readonly keyIris = new Map<string, string | null>();

  private constructor(
    flattened: Expanded[],
    private readonly document: unknown,
    private readonly context: unknown,
  ) {
    for (const node of flattened) this.byId.set(node['@id'] as string, node);
    this.indexPaths(document, '$');
  }

  /** Parses and flattens; a document that is not JSON-LD we can read throws an {@link ElmDocumentError}. */
  static async read(text: string): Promise<ElmGraph> {
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (error) {
      throw new ElmDocumentError('$', `is not JSON: ${(error as Error).message}`);
    }
    if (typeof document !== 'object' || document === null || Array.isArray(document)) throw new ElmDocumentError('$', 'must be a JSON-LD object (one node, or a @graph)');
    const context = (document as Record<string, unknown>)['@context'];
    if (context === undefined) throw new ElmDocumentError("$['@context']", 'is missing: an ELM document names its JSON-LD context');
    try {
      const jsonld = await jsonLd();
      const flattened = (await jsonld.flatten(document as JsonLd.JsonLdDocument, null as never, { documentLoader: localDocumentLoader as never })) as unknown as Expanded[];
      return new ElmGraph(flattened, document, context);
    } catch (error) {
      const cause = error instanceof UnknownContextError ? error : ((error as { details?: { cause?: unknown } }).details?.cause ?? error);
      throw new ElmDocumentError("$['@context']", `cannot be read as JSON-LD: ${(cause as Error).message}`);
    }
  }

  node(id: string): ElmNode {
    return new ElmNode(this, id, this.byId.get(id) ?? { '@id': id });
  }

  /** Every node of these ELM classes (local names), in the order the document lists them. */
  nodesOf(localNames: readonly string[]): ElmNode[] {
    const nodes = [...this.byId.values()].map((raw) => new ElmNode(this, raw['@id'] as string, raw)).filter((n) => localNames.some((name) => n.is(name)));
    return nodes.sort((a, b) => this.order(a.id) - this.order(b.id));
  }

  private order(id: string): number {
    return this.paths.get(id)?.order ?? Number.MAX_SAFE_INTEGER;
  }

  pathOf(id: string, property?: string): string {
    const where = this.paths.get(id);
    const base = where?.path ?? `$ (node ${id})`;
    if (!property) return base;
    const key = where ? Object.keys(where.object).find((k) => !k.startsWith('@') && this.expandKey(k) === property) : undefined;
    return key ? `${base}${/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `.${key}` : `['${key}']`}` : `${base} <${property}>`;
  }

  private indexPaths(value: unknown, path: string): void {
    if (Array.isArray(value)) {
      value.forEach((item, i) => this.indexPaths(item, `${path}[${i}]`));
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const object = value as Record<string, unknown>;
    const id = (object['@id'] ?? object['id']) as unknown;
    if (typeof id === 'string' && !this.paths.has(id)) this.paths.set(id, { path, object, order: this.paths.size });
    for (const [key, child] of Object.entries(object)) {
      if (key === '@context') continue;
      this.indexPaths(child, `${path}${/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `.${key}` : `['${key}']`}`);
    }
  }

  /** The IRI a key of the document stands for (through the document's own context). Synchronous: filled by {@link prepareKeys}. */
  private expandKey(key: string): string | null {
    return this.keyIris.get(key) ?? null;
  }

  /** Learns what each key in the document's nodes means, so that problems can name the key the caller wrote. */
  async prepareKeys(): Promise<void> {
    const keys = new Set<string>();
    for (const { object } of this.paths.values()) for (const key of Object.keys(object)) if (!key.startsWith('@') && !this.keyIris.has(key)) keys.add(key);
    const jsonld = await jsonLd();
    for (const key of keys) {
      try {
        const [expanded] = (await jsonld.expand({ '@context': this.context, [key]: 'x' } as JsonLd.JsonLdDocument, {
          documentLoader: localDocumentLoader as never,
        })) as unknown as Expanded[];
        const iri = expanded ? Object.keys(expanded).find((k) => !k.startsWith('@')) : undefined;
        this.keyIris.set(key, iri ? officialElmIri(iri) : null);
      } catch {
        this.keyIris.set(key, null);
      }
    }
  }

  get raw(): unknown {
    return this.document;
  }
}

export class ElmDocumentError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}
