export * from './allocation.js';
export * from './categories.js';
export * from './types.js';
