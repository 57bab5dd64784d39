import { Module } from '@nestjs/common';
import { OrganisationDirectory } from '#auth';
import { AccreditationResolver } from './accreditation/accreditation.resolver.js';
import { AccreditationService } from './accreditation/accreditation.service.js';
import { OrganisationResolver } from './organisation/organisation.resolver.js';
import { OrganisationService } from './organisation/organisation.service.js';
import { RecognitionResolver } from './recognition/recognition.resolver.js';
import { RecognitionService } from './recognition/recognition.service.js';
import { RegistryLoaders } from './registry.loaders.js';

/** Organisations, agency recognitions and accreditation decisions with their histories. */
@Module({
  providers: [
    OrganisationService,
    RecognitionService,
    AccreditationService,
    RegistryLoaders,
    OrganisationResolver,
    RecognitionResolver,
    AccreditationResolver,
    { provide: OrganisationDirectory, useExisting: OrganisationService },
  ],
  exports: [OrganisationService, RecognitionService, AccreditationService, OrganisationDirectory],
})
export class RegistryModule {}
