export * from './parse-certificate.js';
export * from './verify-chain.js';
