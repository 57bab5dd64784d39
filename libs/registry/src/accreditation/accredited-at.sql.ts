/**
 * SQL condition: organisation `o` holds, at the timestamp parameter `:at`, an accreditation that
 * is in force — decision not NEGATIVE, validFrom ≤ at < expiresAt, status ACTIVE at `at`, by an
 * agency recognised at `at` for the organisation's country. (Scope is not considered: this
 * answers "accredited at all", the catalogue's badge and the organisations filter.)
 */
export function accreditedAtCondition(organisationAlias: string): string {
  const o = organisationAlias;
  return `EXISTS (
    SELECT 1 FROM accreditations a
    WHERE a.accredited_organisation_id = ${o}.id
      AND a.decision <> 'NEGATIVE'
      AND a.valid_from <= :at AND :at < a.expires_at
      AND (SELECT s.status FROM accreditation_status_entries s
            WHERE s.accreditation_id = a.id AND s.effective_at <= :at
            ORDER BY s.effective_at DESC, s.recorded_at DESC LIMIT 1) = 'ACTIVE'
      AND EXISTS (
        SELECT 1 FROM agency_recognitions r
        WHERE r.agency_id = a.accrediting_agent_id
          AND r.valid_from <= :at AND (r.valid_until IS NULL OR :at < r.valid_until)
          AND (cardinality(r.jurisdictions) = 0 OR ${o}.country = ANY(r.jurisdictions))))`;
}
