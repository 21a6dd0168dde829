export * from './errors.js';
export * from './schemas/common.js';
export * from './schemas/auth.js';
export * from './schemas/district.js';
export * from './schemas/graduates.js';
export * from './schemas/audit.js';
export * from './jobs/index.js';
