export * from './skills.js';
