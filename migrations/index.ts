import { CreateSearchOutbox1795365204833 } from './1795365204833-CreateSearchOutbox.js';
import { CreateRegistry1795366800000 } from './1795366800000-CreateRegistry.js';
import { CreateTrust1795368000000 } from './1795368000000-CreateTrust.js';
import { CreateCatalogue1795369000000 } from './1795369000000-CreateCatalogue.js';
import { IndexRegistrySequence1795370000000 } from './1795370000000-IndexRegistrySequence.js';
import { TrustedLists1796225387730 } from './1796225387730-TrustedLists.js';
import { IssuerDidVerificationMethods1796225608221 } from './1796225608221-IssuerDidVerificationMethods.js';
import { CreateNotifications1796225991765 } from './1796225991765-CreateNotifications.js';
import { ElmIds1796226092639 } from './1796226092639-ElmIds.js';

/** Every migration, oldest first. A new migration is added here as well as in its file. */
export const MIGRATIONS = [CreateSearchOutbox1795365204833, CreateRegistry1795366800000, CreateTrust1795368000000, CreateCatalogue1795369000000, IndexRegistrySequence1795370000000, TrustedLists1796225387730, IssuerDidVerificationMethods1796225608221, CreateNotifications1796225991765, ElmIds1796226092639];
