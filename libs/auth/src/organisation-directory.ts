/**
 * What auth needs to know of organisations, provided by the registry (which owns them), so that
 * auth does not depend on the registry's code: the composition root wires the two.
 */
export abstract class OrganisationDirectory {
  abstract kindOf(organisationId: string): Promise<'PROVIDER' | 'QUALITY_AGENCY' | null>;
}
