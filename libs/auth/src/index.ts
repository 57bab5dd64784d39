export { ApiKeyEntity } from './api-key/api-key.entity.js';
export { AuthModule } from './auth.module.js';
export { OrganisationDirectory } from './organisation-directory.js';
