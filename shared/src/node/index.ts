export * from './outbox.js';
export * from './env.js';
