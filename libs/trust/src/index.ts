export { TrustAnchorEntity } from './anchor/trust-anchor.entity.js';
export { IssuerCertificateEntity } from './certificate/issuer-certificate.entity.js';
export { IssuerDidEntity } from './did/issuer-did.entity.js';
export { KeyStatusEntryEntity } from './key-status/key-status-entry.entity.js';
export { type Jwk, verifyCompactJws } from './signing/jws.js';
export { TrustIndexService } from './trust-index/trust-index.service.js';
export { TrustModule } from './trust.module.js';
