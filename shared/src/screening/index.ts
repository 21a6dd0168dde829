export * from './skills.js';
export * from './score.js';
export * from './ranking.js';
export * from './candidate.js';
