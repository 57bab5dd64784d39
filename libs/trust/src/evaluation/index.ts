export * from './evaluate-trust.js';
export type * from './trust-facts.js';
