import { readFileSync } from 'node:fs';
import { dataOf } from './registry-fixtures.js';
import { eventually, type TestApp } from './test-app.js';

/** A real certificate from test/fixtures/certs (see its README for where each comes from). */
export function certificate(name: string): string {
  return readFileSync(`test/fixtures/certs/${name}.pem`, 'utf8');
}

export async function addTrustAnchor(app: TestApp, name: string): Promise<string> {
  return dataOf(
    await app.graphql(`mutation($input: AddTrustAnchorInput!) { addTrustAnchor(input: $input) { id } }`, { input: { certificatePem: certificate(name) } }, app.adminToken),
  ).addTrustAnchor.id;
}

export const ISSUER_TRUST = `query($input: IssuerTrustInput!) {
  issuerTrust(input: $input) {
    trusted status reasons { code message } warnings { code message }
    organisation { id legalIdentifier } certificate { sha256 registered qualifiedESeal notAfter }
    accreditations { id accreditingAgentName } at evaluatedAt validUntil registrySequence receipt
  }
}`;

/** Waits until the api's trust index has caught up with every change recorded so far. */
export async function trustIndexCaughtUp(app: TestApp): Promise<void> {
  const [latest] = dataOf(await app.graphql(`{ auditEvents(first: 1) { registrySequence } }`, {}, app.adminToken)).auditEvents;
  await eventually(async () => {
    const { registrySequence } = dataOf(await app.graphql(`{ issuerTrust(input: { organisationIdentifier: "-" }) { registrySequence } }`)).issuerTrust;
    return registrySequence >= latest.registrySequence ? true : undefined;
  }, 2_000);
}
