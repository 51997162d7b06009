/**
 * Maestro's entity model, shared by the frontend and backend: kinds with
 * their TypeScript types and JSON schemas, relation names, families and the
 * option lists of Maestro's forms.
 *
 * @packageDocumentation
 */
export * from './kinds';
export * from './relations';
export * from './families';
export * from './options';
export * from './validation';
export * from './api';
export * from './names';
export * from './settings';
export * from './reports';
export * from './familyColor';
export * from './analytics';
export * from './jobs';
export * from './access';
