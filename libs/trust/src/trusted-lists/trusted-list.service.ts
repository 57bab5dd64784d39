import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '#audit';
import { type Actor, type Caller, Clock, DomainError, requireAdmin } from '#platform';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { TrustAnchorEntity } from '../anchors/trust-anchor.entity.js';
import { KeyStatusEntryEntity } from '../key-status/key-status-entry.entity.js';
import { CertificateInputError, type ParsedCertificate, parseCertificatePem } from '../x509/parse-certificate.js';
import { chainFromField } from '../x509/certificate-input.js';
import type { ImportTrustedListInput, TrustedListImport } from './dto/import-trusted-list.input.js';
import { type ListedAnchor, listedAnchors } from './listed-anchors.js';
import { TrustedListEntity } from './trusted-list.entity.js';
import { type ParsedTrustedList, parseTrustedList, signerCertificatesFor } from './trusted-list.parser.js';
import { parseXml, verifyEnvelopedSignature, XmlInputError } from './xml-signature.js';

const XML_FIELD = 'input.xml';
const SIGNERS_FIELD = 'input.signerCertificatesPem';

/**
 * Imports ETSI TS 119 612 trusted lists (DESIGN §8.2): verified, then in one transaction the list
 * is recorded, its CA/QC services for eSeals become trust anchors (or extend the history of the
 * anchors they already are) and one audit event moves the registry sequence once. A list that
 * does not parse or verify changes nothing.
 */
@Injectable()
export class TrustedListService {
  private readonly logger = new Logger('TrustedLists');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async import(caller: Caller, input: ImportTrustedListInput): Promise<TrustedListImport> {
    const actor = requireAdmin(caller);
    const started = performance.now();
    const { document, list } = readList(input.xml);
    const signers = await this.signersFor(list, input.signerCertificatesPem);
    const check = await verifyEnvelopedSignature(document, signers.map((s) => s.der));
    if (!check.valid) {
      const signer = check.unknownSigner ? describe(check.unknownSigner.der, check.unknownSigner.sha256) : null;
      const message = signer
        ? `the ${list.territory} list is signed with ${signer}, which is not among the ${signers.length} certificate(s) it may be signed with (${signers.source})`
        : `the signature of the ${list.territory} list does not verify: ${check.problem}`;
      throw DomainError.badInput([{ field: XML_FIELD, message }]);
    }
    const signer = signerFacts(check.signerDer);
    const warnings: string[] = [];
    if (list.issuedAt.getTime() < signer.notBefore.getTime() || list.issuedAt.getTime() > signer.notAfter.getTime()) {
      warnings.push(
        `its signer certificate ${signer.sha256} was not valid when the list says it was issued (${list.issuedAt.toISOString()}; valid ${signer.notBefore.toISOString()} to ${signer.notAfter.toISOString()})`,
      );
    }
    const now = this.clock.now();
    if (list.nextUpdate !== null && list.nextUpdate.getTime() < now.getTime()) {
      warnings.push(`its NextUpdate (${list.nextUpdate.toISOString()}) has passed: a newer ${list.territory} list should have been published`);
    }
    const { anchors, unknownStatuses } = listedAnchors(list);
    for (const status of unknownStatuses) warnings.push(`the status ${status} is not one this registry knows; it counts as not active`);
    const candidates = anchors.flatMap((anchor) => {
      const certificate = listedCertificate(anchor, warnings);
      return certificate ? [{ anchor, certificate }] : [];
    });

    const result = await this.dataSource.transaction(async (manager) => {
      // One import at a time: the sequence check and the anchors it writes belong together.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('tessera.trusted-lists'))`);
      const lists = manager.getRepository(TrustedListEntity);
      const latest = await lists.findOne({ where: { territory: list.territory }, order: { sequenceNumber: 'DESC' } });
      if (latest && latest.sequenceNumber === list.sequenceNumber) {
        return { trustedList: latest, anchorsAdded: 0, anchorsUpdated: 0, unchanged: true };
      }
      if (latest && latest.sequenceNumber > list.sequenceNumber) {
        throw new DomainError('CONFLICT', `the ${list.territory} list with sequence number ${latest.sequenceNumber} is already imported; ${list.sequenceNumber} is older`, [
          { field: XML_FIELD, message: `its TSLSequenceNumber ${list.sequenceNumber} is lower than the imported ${latest.sequenceNumber}` },
        ]);
      }
      const written = await this.writeAnchors(manager, list, candidates, actor, warnings);
      const trustedList = await lists.save(
        lists.create({
          territory: list.territory,
          sequenceNumber: list.sequenceNumber,
          versionIdentifier: list.versionIdentifier,
          type: list.type,
          listOfLists: list.listOfLists,
          issuedAt: list.issuedAt,
          nextUpdate: list.nextUpdate,
          sha256: createHash('sha256').update(input.xml, 'utf8').digest('hex'),
          signerSha256: signer.sha256,
          signerSubjectDn: signer.subjectDn,
          pointers: list.listOfLists ? [...list.pointers] : [],
          anchorIds: written.anchorIds,
        }),
      );
      await this.audit.append(manager, {
        actor,
        action: 'trusted-list.imported',
        entityType: 'TrustedList',
        entityId: trustedList.id,
        diff: { territory: list.territory, sequenceNumber: list.sequenceNumber, sha256: trustedList.sha256, signerSha256: signer.sha256, anchorsAdded: written.added, anchorsUpdated: written.updated },
        // A list of trusted lists changes no answer, only whose national lists can be imported.
        trustRelevant: written.added + written.updated > 0,
      });
      return { trustedList, anchorsAdded: written.added, anchorsUpdated: written.updated, unchanged: false };
    });
    this.logger.log({
      msg: 'trusted list imported',
      territory: list.territory,
      sequenceNumber: list.sequenceNumber,
      unchanged: result.unchanged,
      anchorsAdded: result.anchorsAdded,
      anchorsUpdated: result.anchorsUpdated,
      ms: Math.round(performance.now() - started),
    });
    if (result.unchanged) warnings.unshift(`sequence number ${list.sequenceNumber} of the ${list.territory} list was imported before; nothing changed`);
    return {
      territory: list.territory,
      sequenceNumber: list.sequenceNumber,
      issuedAt: list.issuedAt,
      nextUpdate: list.nextUpdate,
      anchorsAdded: result.anchorsAdded,
      anchorsUpdated: result.anchorsUpdated,
      unchanged: result.unchanged,
      warnings,
      trustedList: result.trustedList,
    };
  }

  /** Every import, newest first within each territory. */
  list(): Promise<TrustedListEntity[]> {
    return this.dataSource.getRepository(TrustedListEntity).find({ order: { territory: 'ASC', sequenceNumber: 'DESC' } });
  }

  anchorsOf(ids: readonly string[]): Promise<TrustAnchorEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.dataSource.getRepository(TrustAnchorEntity).find({ where: { id: In([...ids]) }, order: { serviceName: 'ASC', sha256: 'ASC' } });
  }

  /** The certificates given, or for a national list those the last imported LOTL names for its territory. */
  private async signersFor(list: ParsedTrustedList, pem: string | undefined): Promise<Signers> {
    if (pem !== undefined && pem.trim() !== '') {
      const given = chainFromField(pem, SIGNERS_FIELD);
      return Object.assign(given.map((c) => ({ der: c.der })), { source: 'given in signerCertificatesPem' });
    }
    if (list.listOfLists) {
      throw DomainError.badInput([
        { field: SIGNERS_FIELD, message: 'a list of trusted lists is verified only against certificates you give: those the Commission publishes in the Official Journal of the EU' },
      ]);
    }
    const lotl = await this.dataSource.getRepository(TrustedListEntity).findOne({ where: { listOfLists: true }, order: { importedAt: 'DESC', sequenceNumber: 'DESC' } });
    if (!lotl) {
      throw DomainError.badInput([{ field: SIGNERS_FIELD, message: `no list of trusted lists is imported yet to name the signers of the ${list.territory} list: import the LOTL first, or give the signer certificates` }]);
    }
    const certificates = signerCertificatesFor(lotl, list.territory);
    if (certificates.length === 0) {
      throw DomainError.badInput([{ field: XML_FIELD, message: `the list of trusted lists (${lotl.territory} ${lotl.sequenceNumber}) has no pointer to a ${list.territory} trusted list` }]);
    }
    return Object.assign(
      certificates.map((c) => ({ der: Buffer.from(c, 'base64') })),
      { source: `named for ${list.territory} by the list of trusted lists ${lotl.territory} ${lotl.sequenceNumber}` },
    );
  }

  private async writeAnchors(
    manager: EntityManager,
    list: ParsedTrustedList,
    candidates: readonly { anchor: ListedAnchor; certificate: ParsedCertificate }[],
    actor: Actor,
    warnings: string[],
  ): Promise<{ added: number; updated: number; anchorIds: string[] }> {
    if (candidates.length === 0) return { added: 0, updated: 0, anchorIds: [] };
    const anchors = manager.getRepository(TrustAnchorEntity);
    const existing = new Map((await anchors.findBy({ sha256: In(candidates.map((c) => c.certificate.sha256)) })).map((a) => [a.sha256, a]));
    const histories = await historiesOf(manager, [...existing.values()].map((a) => a.id));
    const entries: Partial<KeyStatusEntryEntity>[] = [];
    const anchorIds: string[] = [];
    let added = 0;
    let updated = 0;
    for (const { anchor, certificate } of candidates) {
      const serviceName = anchor.serviceNames.join(' / ');
      let row = existing.get(certificate.sha256);
      if (row && row.source === 'OPERATOR') {
        warnings.push(`"${serviceName}" (${certificate.sha256}) is already an operator-added trust anchor; its status stays the operator's`);
        continue;
      }
      if (row && row.territory !== list.territory) {
        warnings.push(`"${serviceName}" (${certificate.sha256}) is already listed by the ${row.territory} list; that list keeps its status`);
        continue;
      }
      const known = histories.get(row?.id ?? '') ?? [];
      // revokeTrustAnchor is final, for a listed anchor too: a later list does not reinstate it.
      if (row && known.some((k) => k.status === 'REVOKED' && !LISTED_REASON.test(k.reason))) {
        warnings.push(`"${serviceName}" (${certificate.sha256}) was revoked by the operator; revocation is final, so this list's history is not applied`);
        anchorIds.push(row.id);
        continue;
      }
      const fresh = anchor.history.filter((change) => !known.some((k) => k.effectiveAt.getTime() === change.effectiveAt.getTime() && k.status === statusOf(change.active)));
      if (!row) {
        row = await anchors.save(
          anchors.create({
            pem: certificate.pem,
            sha256: certificate.sha256,
            subjectDn: certificate.subjectDn,
            issuerDn: certificate.issuerDn,
            notBefore: certificate.notBefore,
            notAfter: certificate.notAfter,
            source: 'TRUSTED_LIST',
            territory: list.territory,
            serviceName,
          }),
        );
        added++;
      } else if (fresh.length > 0 || row.serviceName !== serviceName) {
        row.serviceName = serviceName;
        await anchors.save(row);
        updated++;
      }
      anchorIds.push(row.id);
      for (const change of fresh) {
        entries.push({
          subjectType: 'TRUST_ANCHOR',
          subjectId: row.id,
          status: statusOf(change.active),
          effectiveAt: change.effectiveAt,
          reason: listedReason(change.listed, list),
          actorRole: actor.role,
          actorOrganisationId: actor.organisationId,
          actorKeyId: actor.keyId,
        });
      }
    }
    // One anchor's entries never share an instant (listedAnchors merges them), so one statement per batch is enough.
    for (let i = 0; i < entries.length; i += 1_000) await manager.getRepository(KeyStatusEntryEntity).insert(entries.slice(i, i + 1_000));
    return { added, updated, anchorIds };
  }
}

type Signers = { der: Uint8Array }[] & { source: string };

function readList(xml: string): { document: ReturnType<typeof parseXml>; list: ParsedTrustedList } {
  try {
    const document = parseXml(xml);
    return { document, list: parseTrustedList(document) };
  } catch (error) {
    if (error instanceof XmlInputError) throw DomainError.badInput([{ field: XML_FIELD, message: error.message }]);
    // The DOM walks recursively: a document nested deeper than the stack is the caller's, not a crash.
    if (error instanceof RangeError) throw DomainError.badInput([{ field: XML_FIELD, message: 'it nests elements too deeply to be a trusted list' }]);
    throw error;
  }
}

/** The reason an imported entry carries; what tells it apart from the operator's own entries. */
function listedReason(listed: string, list: ParsedTrustedList): string {
  return `${listed} in the ${list.territory} trusted list ${list.sequenceNumber}`;
}
const LISTED_REASON = /^[a-z, ]+ in the [A-Z]{2,3} trusted list \d+$/;

function statusOf(active: boolean): 'ACTIVE' | 'REVOKED' {
  return active ? 'ACTIVE' : 'REVOKED';
}

async function historiesOf(manager: EntityManager, ids: readonly string[]): Promise<Map<string, KeyStatusEntryEntity[]>> {
  const map = new Map<string, KeyStatusEntryEntity[]>();
  if (ids.length === 0) return map;
  for (const entry of await manager.getRepository(KeyStatusEntryEntity).findBy({ subjectType: 'TRUST_ANCHOR', subjectId: In([...ids]) })) {
    map.set(entry.subjectId, [...(map.get(entry.subjectId) ?? []), entry]);
  }
  return map;
}

/** A listed certificate that can anchor a chain; one that cannot is skipped with a warning. */
function listedCertificate(anchor: ListedAnchor, warnings: string[]): ParsedCertificate | null {
  const name = anchor.serviceNames.join(' / ');
  let certificate: ParsedCertificate;
  try {
    certificate = parseCertificatePem(pemOf(anchor.certificate));
  } catch (error) {
    if (!(error instanceof CertificateInputError)) throw error;
    warnings.push(`a certificate of "${name}" was skipped: ${error.problem}`);
    return null;
  }
  if (!certificate.isCa) {
    warnings.push(`the certificate of "${name}" (${certificate.sha256}) was skipped: it is not a CA certificate`);
    return null;
  }
  return certificate;
}

/** The signer as recorded; a pointer's certificate verified the list even if this registry cannot read all of it. */
function signerFacts(der: Uint8Array): { sha256: string; subjectDn: string; notBefore: Date; notAfter: Date } {
  try {
    return parseCertificatePem(pemOf(Buffer.from(der).toString('base64')));
  } catch (error) {
    if (!(error instanceof CertificateInputError)) throw error;
    return { sha256: createHash('sha256').update(der).digest('hex'), subjectDn: `(unreadable: ${error.problem})`, notBefore: new Date(-8.64e15), notAfter: new Date(8.64e15) };
  }
}

function pemOf(base64: string): string {
  return `-----BEGIN CERTIFICATE-----\n${base64.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END CERTIFICATE-----\n`;
}

function describe(der: Uint8Array, fingerprint: string): string {
  try {
    return `certificate ${fingerprint} (${parseCertificatePem(pemOf(Buffer.from(der).toString('base64'))).subjectDn})`;
  } catch {
    return `certificate ${fingerprint}`;
  }
}

