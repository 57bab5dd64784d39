import { DomainError } from '#platform';
import { CertificateInputError, type ParsedCertificate, parseCertificateChainPem, parseCertificatePem } from './parse-certificate.js';

/** Parses one certificate from an input field; a malformed one is the caller's error, named by field — never a 500. */
export function certificateFromField(pem: string, field: string): ParsedCertificate {
  return refuseMalformed(() => parseCertificatePem(pem), field);
}

/** Parses the certificates of a chain from an input field, like certificateFromField. */
export function chainFromField(pem: string, field: string): ParsedCertificate[] {
  return refuseMalformed(() => parseCertificateChainPem(pem), field);
}

function refuseMalformed<T>(parse: () => T, field: string): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof CertificateInputError) throw DomainError.badInput([{ field, message: error.problem }]);
    throw error;
  }
}
