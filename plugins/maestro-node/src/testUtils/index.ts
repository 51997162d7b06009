/**
 * Test utilities for Maestro backends: signed-in users with teams, whose
 * requests go through the real permission backend as in a portal, and the
 * whole discovery chain that the discovery modules' tests start.
 *
 * @packageDocumentation
 */
export * from './signIn';
export * from './discoveryTestBackend';
