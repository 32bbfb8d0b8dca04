export * from './ids.js';
export * from './person.js';
export * from './team.js';
export * from './history.js';
export * from './delivery.js';
export * from './mentoring.js';
export * from './practice.js';
