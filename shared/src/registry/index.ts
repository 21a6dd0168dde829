export * from './national-id.js';
