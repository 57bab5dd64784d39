import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Caller, DomainError, requireAuthenticated } from '#platform';
import type { LearningOpportunityEntity } from '#catalogue';
import type { AccreditationEntity, OrganisationEntity } from '#registry';
import { uuidOfElmId } from '../export/elm-export.js';
import { ELM } from '../jsonld/elm-terms.js';
import { ElmDocumentError, ElmGraph, type ElmNode } from './elm-graph.js';
import { type AccreditationFields, type Draft, identifiersOf, type OpportunityFields, readAccreditation, readOpportunity } from './elm-records.js';
import { ElmImportReport, type ImportProblem, type ImportRecordReport, summarise } from './import-report.js';
import { type AccreditationCandidate, RecordImporter } from './record-importer.js';

interface Stored {
  accreditation(elmId: string): AccreditationEntity | undefined;
  opportunity(elmId: string): LearningOpportunityEntity | undefined;
}

type Match = { organisation: OrganisationEntity; problem?: undefined } | { organisation?: undefined; problem: string };

/** Records per transaction (see RecordImporter.inBatches). */
const BATCH_RECORDS = 50;

/** Our own exports point an opportunity's homepage at the export itself when it has no landing page. */
const SELF_URL = /\/elm\/v3\/learning-opportunities\/[0-9a-f-]{36}$/;

/**
 * `importElm` (DESIGN §8.3): every Accreditation and LearningOpportunity node of an ELM JSON-LD
 * document (one node, or a `@graph` such as a QDR export), record by record, each through the
 * registry's or catalogue's service. docs/elm.md has the rules; the main ones:
 * - organisations are matched by any identifier they state (eIDAS, VAT, tax, registration, other)
 *   against registered legal and other identifiers, or by our own `urn:uuid:` id; an identifier that
 *   matches several organisations is a problem, never a guess;
 * - the caller's own organisation stands in for the accrediting agent (an agency's key) or the
 *   provider (a provider's key) that matches no registered organisation: registers' exports often
 *   carry placeholder identifiers for their own publisher. One that matches another organisation
 *   is refused by the service's rule (an agency acts only as itself);
 * - a record is created or updated by its ELM `@id`; the same content again is UNCHANGED.
 */
@Injectable()
export class ElmImportService {
  private readonly logger = new Logger('ElmImport');

  constructor(private readonly records: RecordImporter) {}

  async importDocument(caller: Caller, document: string, dryRun = false, onProgress?: (done: number, total: number) => void): Promise<ElmImportReport> {
    requireAuthenticated(caller);
    let graph: ElmGraph;
    try {
      graph = await ElmGraph.read(document);
    } catch (error) {
      if (error instanceof ElmDocumentError) throw DomainError.badInput([{ field: 'input.document', message: `${error.path} ${error.message}` }]);
      throw error;
    }
    const nodes = graph.nodesOf(['Accreditation', 'LearningOpportunity']);
    if (nodes.length === 0) {
      throw DomainError.badInput([{ field: 'input.document', message: `holds no ELM Accreditation or LearningOpportunity node (types are read in ${ELM} and the QDR's http://data.europa.eu/snb/model/)` }]);
    }
    await graph.prepareKeys();
    const matches = new Map<string, Promise<Match>>();
    const match = (node: ElmNode) => {
      if (!matches.has(node.id)) matches.set(node.id, this.match(node));
      return matches.get(node.id)!;
    };

    // What is stored under the document's ids (or our own urn:uuid ids), read once for the whole document.
    const ids = nodes.map((n) => n.id);
    const ownIds = ids.map(uuidOfElmId).filter((id): id is string => id !== undefined);
    const storedAccreditations = await this.records.storedAccreditations(ids, ownIds);
    const storedOpportunities = await this.records.storedOpportunities(ids, ownIds);
    const byKey = <T extends { id: string; elmId: string | null }>(records: T[]) => new Map(records.flatMap((r) => [[r.id, r], ...(r.elmId ? [[r.elmId, r] as const] : [])]));
    const accreditations = byKey(storedAccreditations);
    const opportunities = byKey(storedOpportunities);
    const stored: Stored = {
      accreditation: (elmId) => accreditations.get(elmId) ?? accreditations.get(uuidOfElmId(elmId) ?? ''),
      opportunity: (elmId) => opportunities.get(elmId) ?? opportunities.get(uuidOfElmId(elmId) ?? ''),
    };
    let done = 0;
    const reports = await this.records.inBatchesOf(nodes, BATCH_RECORDS, async (batch, manager) => {
      const reports: (ImportRecordReport | undefined)[] = batch.map(() => undefined);
      const accreditations: { index: number; candidate: AccreditationCandidate }[] = [];
      for (const [index, node] of batch.entries()) {
        if (node.is('Accreditation')) {
          const candidate = await this.accreditationCandidate(caller, readAccreditation(node), match);
          if ('action' in candidate) reports[index] = candidate;
          else accreditations.push({ index, candidate });
        } else {
          reports[index] = await this.opportunity(caller, readOpportunity(node, SELF_URL), match, stored, dryRun, manager);
        }
      }
      // New decisions are written together (AccreditationService.recordMany); stored ones are compared one by one.
      const written = await this.records.accreditationBatch(
        caller,
        accreditations.map(({ candidate }) => ({ candidate, stored: stored.accreditation(candidate.elmId!) })),
        dryRun,
        manager,
      );
      accreditations.forEach(({ index }, i) => {
        reports[index] = written[i];
      });
      done += batch.length;
      onProgress?.(done, nodes.length);
      return reports as ImportRecordReport[];
    });
    const report = summarise(new ElmImportReport(), dryRun, reports);
    this.logger.log({ msg: 'ELM document imported', dryRun, created: report.created, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected });
    return report;
  }

  private async match(node: ElmNode): Promise<Match> {
    const own = uuidOfElmId(node.id);
    if (own) {
      const organisation = await this.records.organisationById(own);
      if (organisation) return { organisation };
    }
    const identifiers = identifiersOf(node);
    if (identifiers.length === 0) return { problem: 'states no identifier to match a registered organisation by' };
    const found = await this.records.organisationsByIdentifiers(identifiers);
    if (found.length === 1) return { organisation: found[0] };
    if (found.length > 1) return { problem: `its identifiers (${identifiers.join(', ')}) match several registered organisations (${found.map((o) => o.legalIdentifier).join(', ')})` };
    return { problem: `none of its identifiers (${identifiers.join(', ')}) is registered` };
  }

  /** The organisation a party node names; the caller's own when it names none and the caller has `role` (see the class comment). */
  private async party(caller: Caller, node: ElmNode | undefined, path: string, role: 'QUALITY_AGENCY' | 'PROVIDER', match: (n: ElmNode) => Promise<Match>, problems: ImportProblem[]): Promise<string | undefined> {
    if (!node) return undefined;
    const found = await match(node);
    if (found.organisation) return found.organisation.id;
    if (caller.kind === 'organisation' && caller.role === role && !found.problem.includes('several')) return caller.organisationId;
    problems.push({ path, message: found.problem });
    return undefined;
  }

  /** The record's input for the registry, or its rejection (parties not matched, no @id, a provider's key). */
  private async accreditationCandidate(caller: Caller, draft: Draft<AccreditationFields>, match: (n: ElmNode) => Promise<Match>): Promise<AccreditationCandidate | ImportRecordReport> {
    const problems = [...draft.problems];
    const { provider, agent, ...fields } = draft.fields;
    const base = { elmId: draft.elmId, line: null, type: draft.type };
    // The service refuses a provider's key too; said first, so that the answer is not about the parties it could not match.
    if (caller.kind === 'organisation' && caller.role !== 'QUALITY_AGENCY') {
      return { ...base, action: 'REJECTED', id: null, problems: [{ path: draft.path, message: 'only a quality agency (or the operator) records accreditations' }] };
    }
    const accreditedOrganisationId = await this.party(caller, provider, draft.fieldPaths['input.accreditedOrganisationId'], 'PROVIDER', match, problems);
    const accreditingAgentId = await this.party(caller, agent, draft.fieldPaths['input.accreditingAgentId'], 'QUALITY_AGENCY', match, problems);
    if (draft.elmId.startsWith('_:')) problems.push({ path: draft.path, message: 'has no @id: an imported record needs its ELM id, so that importing it again updates it' });
    if (problems.length > 0) return { ...base, action: 'REJECTED', id: null, problems };
    return {
      elmId: draft.elmId,
      line: null,
      path: draft.path,
      fieldPaths: draft.fieldPaths,
      input: { ...withoutUndefined(fields), accreditedOrganisationId, accreditingAgentId },
    };
  }

  private async opportunity(
    caller: Caller,
    draft: Draft<OpportunityFields>,
    match: (n: ElmNode) => Promise<Match>,
    stored: Stored,
    dryRun: boolean,
    manager: EntityManager,
  ): Promise<ImportRecordReport> {
    const problems = [...draft.problems];
    const { provider, ...fields } = draft.fields;
    const providerId = await this.party(caller, provider, draft.fieldPaths['input.providerId'], 'PROVIDER', match, problems);
    const base = { elmId: draft.elmId, line: null, type: draft.type };
    if (draft.elmId.startsWith('_:')) problems.push({ path: draft.path, message: 'has no @id: an imported record needs its ELM id, so that importing it again updates it' });
    if (problems.length > 0) return { ...base, action: 'REJECTED', id: null, problems };
    return this.records.opportunity(
      caller,
      { elmId: draft.elmId, path: draft.path, fieldPaths: draft.fieldPaths, input: { ...withoutNull(fields), providerId } },
      stored.opportunity(draft.elmId),
      dryRun,
      manager,
    );
  }
}

function withoutUndefined(fields: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

/** An opportunity input without the fields the document leaves empty (class-validator takes null for "none" only where the API does). */
function withoutNull(fields: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0)));
}
