export * from './outbox.js';
export * from './env.js';
export * from './blob-store.js';
export * from './file-inspect.js';
export * from './search-tokens.js';
export * from './worker-flags.js';
export * from './esign/index.js';
export * from './queue-close.js';
