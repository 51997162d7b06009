/**
 * Test utilities for Maestro backends: signed-in users with teams, whose
 * requests go through the real permission backend as in a portal.
 *
 * @packageDocumentation
 */
export * from './signIn';
