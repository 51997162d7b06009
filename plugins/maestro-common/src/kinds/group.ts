import { kindSchema, entityRefArray } from './common';

/**
 * Teams are Backstage Groups. Maestro creates them for organisations without
 * a directory provider (Teams page, Maestro 0.6 import); the catalog's own
 * Group validation applies on top.
 */
export const groupSchema = kindSchema({
  kind: 'Group',
  description: 'A team (Backstage Group) managed by Maestro',
  extendsBackstageKind: true,
  required: ['type', 'children'],
  properties: {
    type: { type: 'string', minLength: 1 },
    children: entityRefArray,
    members: entityRefArray,
    profile: {
      type: 'object',
      properties: {
        displayName: { type: 'string' },
        email: { type: 'string' },
        picture: { type: 'string' },
      },
    },
  },
});
