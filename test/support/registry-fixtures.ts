import { randomInt } from 'node:crypto';
import type { GraphQLResponse, TestApp } from './test-app.js';

/** Fails the test with the GraphQL errors when a call that should succeed did not. */
export function dataOf<T = Record<string, any>>(result: GraphQLResponse<T>): T {
  if (result.errors?.length || !result.data) throw new Error(`GraphQL call failed: ${JSON.stringify(result.errors)}`);
  return result.data;
}

/** A legal identifier no other test uses, in the eIDAS form. */
export function uniqueLegalIdentifier(country = 'ES'): string {
  return `VAT${country}-B${randomInt(10_000_000, 99_999_999)}`;
}

export interface Org {
  id: string;
  version: number;
  legalIdentifier: string;
}

export async function registerOrganisation(
  app: TestApp,
  kind: 'PROVIDER' | 'QUALITY_AGENCY',
  input: Record<string, unknown> = {},
): Promise<Org> {
  const country = (input.country as string | undefined) ?? 'FI';
  const data = dataOf(
    await app.graphql(
      `mutation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { id version legalIdentifier } }`,
      { input: { kind, legalName: `${kind} ${randomInt(1e9)}`, country, legalIdentifier: uniqueLegalIdentifier(country === 'GR' ? 'EL' : country), ...input } },
      app.adminToken,
    ),
  );
  return data.registerOrganisation;
}

export async function createApiKey(app: TestApp, role: 'ADMIN' | 'QUALITY_AGENCY' | 'PROVIDER', organisationId?: string): Promise<string> {
  const data = dataOf(
    await app.graphql(
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { token } }`,
      { input: { name: `${role} key`, role, organisationId } },
      app.adminToken,
    ),
  );
  return data.createApiKey.token;
}

export async function recognise(app: TestApp, agencyId: string, input: Record<string, unknown> = {}): Promise<void> {
  dataOf(
    await app.graphql(
      `mutation($input: RecogniseQualityAgencyInput!) { recogniseQualityAgency(input: $input) { id } }`,
      { input: { agencyId, validFrom: '2015-01-01T00:00:00Z', basis: 'EQAR-registered', ...input } },
      app.adminToken,
    ),
  );
}

/** A recognised agency with its own key, and a provider. */
export async function agencyAndProvider(app: TestApp): Promise<{ agency: Org; agencyToken: string; provider: Org; providerToken: string }> {
  const agency = await registerOrganisation(app, 'QUALITY_AGENCY');
  const provider = await registerOrganisation(app, 'PROVIDER');
  await recognise(app, agency.id);
  return {
    agency,
    provider,
    agencyToken: await createApiKey(app, 'QUALITY_AGENCY', agency.id),
    providerToken: await createApiKey(app, 'PROVIDER', provider.id),
  };
}

export const RECORD_ACCREDITATION = `mutation($input: RecordAccreditationInput!) {
  recordAccreditation(input: $input) { id version status statusHistory { status effectiveAt reason actorRole } }
}`;

export const CHANGE_STATUS = `mutation($input: ChangeAccreditationStatusInput!) {
  changeAccreditationStatus(input: $input) { id version status statusHistory { status effectiveAt reason } }
}`;

export function accreditationInput(providerId: string, input: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    accreditedOrganisationId: providerId,
    type: 'INSTITUTIONAL_QA',
    title: 'Institutional audit',
    decision: 'POSITIVE',
    issuedAt: '2024-05-20T00:00:00Z',
    validFrom: '2024-05-20T00:00:00Z',
    reviewDate: '2030-05-20T00:00:00Z',
    expiresAt: '2030-05-20T00:00:00Z',
    limitEqfLevels: [6, 7],
    limitFields: ['06'],
    limitJurisdictions: ['FI'],
    ...input,
  };
}

export async function recordAccreditation(
  app: TestApp,
  token: string,
  providerId: string,
  input: Record<string, unknown> = {},
): Promise<{ id: string; version: number }> {
  return dataOf(await app.graphql(RECORD_ACCREDITATION, { input: accreditationInput(providerId, input) }, token)).recordAccreditation;
}
