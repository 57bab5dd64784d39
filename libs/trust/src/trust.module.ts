import { Module } from '@nestjs/common';
import { TrustAnchorResolver } from './anchors/trust-anchor.resolver.js';
import { TrustAnchorService } from './anchors/trust-anchor.service.js';
import { IssuerCertificateResolver } from './certificates/issuer-certificate.resolver.js';
import { IssuerCertificateService } from './certificates/issuer-certificate.service.js';
import { CredentialVerificationController } from './credential-verification/credential-verification.controller.js';
import { CredentialRouteOptions } from './credential-verification/credential-route.js';
import { CredentialVerificationResolver } from './credential-verification/credential-verification.resolver.js';
import { CredentialVerificationService } from './credential-verification/credential-verification.service.js';
import { TrustDecisionResolver } from './decision/trust-decision.resolver.js';
import { TrustDecisionService } from './decision/trust-decision.service.js';
import { IssuerLookupRoute } from './decision/issuer-lookup.route.js';
import { IssuerTrustField } from './decision/issuer-trust.field.js';
import { TrustController } from './decision/trust.controller.js';
import { IssuerDidResolver } from './dids/issuer-did.resolver.js';
import { IssuerDidService } from './dids/issuer-did.service.js';
import { KeyStatusService } from './key-status/key-status.service.js';
import { OrganisationKeysResolver } from './organisation-keys.resolver.js';
import { EbsiTirController } from './protocols/ebsi-tir/ebsi-tir.controller.js';
import { EbsiTirService } from './protocols/ebsi-tir/ebsi-tir.service.js';
import { TrqpController } from './protocols/trqp/trqp.controller.js';
import { TrqpRouteOptions } from './protocols/trqp/trqp-route.js';
import { TrqpService } from './protocols/trqp/trqp.service.js';
import { SigningKeyService } from './signing/signing-key.service.js';
import { ReadYourWrites } from './trust-index/read-your-writes.js';
import { TrustIndexService } from './trust-index/trust-index.service.js';
import { TrustListService } from './trust-list/trust-list.service.js';
import { TrustLoaders } from './trust.loaders.js';
import { TrustedListResolver } from './trusted-lists/trusted-list.resolver.js';
import { TrustedListService } from './trusted-lists/trusted-list.service.js';

/** Trust anchors, issuer keys, the trust index and the answers verifiers get (DESIGN §3). */
@Module({
  controllers: [TrustController, CredentialVerificationController, EbsiTirController, TrqpController],
  providers: [
    KeyStatusService,
    TrustAnchorService,
    IssuerCertificateService,
    IssuerDidService,
    TrustLoaders,
    TrustAnchorResolver,
    IssuerCertificateResolver,
    IssuerDidResolver,
    OrganisationKeysResolver,
    SigningKeyService,
    TrustIndexService,
    ReadYourWrites,
    TrustDecisionService,
    TrustDecisionResolver,
    IssuerTrustField,
    TrustListService,
    TrustedListService,
    TrustedListResolver,
    CredentialRouteOptions,
    CredentialVerificationService,
    CredentialVerificationResolver,
    IssuerLookupRoute,
    EbsiTirService,
    TrqpService,
    TrqpRouteOptions,
  ],
  exports: [TrustIndexService, TrustDecisionService, TrustAnchorService, IssuerCertificateService, IssuerDidService, SigningKeyService],
})
export class TrustModule {}
