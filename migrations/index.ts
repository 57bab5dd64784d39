import { CreateSearchOutbox1795365204833 } from './1795365204833-CreateSearchOutbox.js';

/** Every migration, oldest first. A new migration is added here as well as in its file. */
export const MIGRATIONS = [CreateSearchOutbox1795365204833];
