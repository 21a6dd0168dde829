export * from './outbox.js';
export * from './env.js';
export * from './blob-store.js';
export * from './search-tokens.js';
