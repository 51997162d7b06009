import path from 'path';
import fs from 'fs/promises';
import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { InputError, ResponseError } from '@backstage/errors';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { formatFieldErrors } from '@maestro/plugin-maestro-common';
import YAML from 'yaml';
import { buildMaestroEntity } from './maestroEntity';

/**
 * `maestro:entity:create`: registers a record in Maestro through its write
 * path (as the user who runs the template, so history names them), or
 * writes the entity as a catalog-info.yaml into the workspace for a later
 * publish step.
 */
export function createMaestroEntityAction(deps: {
  discovery: DiscoveryService;
  auth: AuthService;
}) {
  return createTemplateAction({
    id: 'maestro:entity:create',
    description:
      'Registers a server, application, database, datacenter (any Maestro kind) in Maestro, or writes its catalog-info.yaml',
    examples: [
      {
        description: 'Register a server',
        example: YAML.stringify({
          steps: [
            {
              action: 'maestro:entity:create',
              id: 'register',
              name: 'Register the server',
              input: {
                kind: 'Server',
                title: 'web-01',
                spec: { hostname: 'web-01', ipv4Private: '10.0.0.5' },
              },
            },
          ],
        }),
      },
    ],
    schema: {
      input: {
        kind: z =>
          z
            .string()
            .describe(
              'Kind or plural: Server, Datacenter, Component (application), Resource (database, cache, ...), Client, ...',
            ),
        title: z => z.string().describe('The name a user sees'),
        name: z =>
          z
            .string()
            .optional()
            .describe(
              'Identity (metadata.name); derived from the title when empty',
            ),
        description: z => z.string().optional(),
        owner: z => z.string().optional().describe('Owner entity ref'),
        tags: z => z.array(z.string()).optional(),
        spec: z =>
          z
            .record(z.string(), z.unknown())
            .optional()
            .describe("The kind's fields"),
        publish: z =>
          z
            .enum(['maestro', 'catalog-info'])
            .optional()
            .describe(
              'maestro (default): write to the Maestro store. catalog-info: write the entity to a file in the workspace',
            ),
        targetPath: z =>
          z
            .string()
            .optional()
            .describe(
              'With publish catalog-info: file path in the workspace (catalog-info.yaml)',
            ),
      },
      output: {
        entityRef: z => z.string(),
        catalogInfoPath: z => z.string().optional(),
      },
    },
    async handler(ctx) {
      const { entity, kind, errors } = buildMaestroEntity(ctx.input);
      if (errors.length) {
        throw new InputError(
          `Invalid ${ctx.input.kind}: ${formatFieldErrors(errors)}`,
        );
      }
      const entityRef = stringifyEntityRef(entity);

      if (ctx.input.publish === 'catalog-info') {
        const target = path.resolve(
          ctx.workspacePath,
          ctx.input.targetPath ?? 'catalog-info.yaml',
        );
        if (!target.startsWith(path.resolve(ctx.workspacePath) + path.sep))
          throw new InputError('targetPath must stay inside the workspace');
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.writeFile(target, YAML.stringify(entity), 'utf8');
        ctx.logger.info(
          `Wrote ${entityRef} to ${path.relative(ctx.workspacePath, target)}`,
        );
        ctx.output('entityRef', entityRef);
        ctx.output('catalogInfoPath', path.relative(ctx.workspacePath, target));
        return;
      }

      // Idempotent on retry: a step resumed after it wrote returns the same ref.
      const created = await ctx.checkpoint({
        key: `maestro-create-${entityRef}`,
        fn: async () => {
          const { token } = await deps.auth.getPluginRequestToken({
            onBehalfOf: await ctx.getInitiatorCredentials(),
            targetPluginId: 'maestro',
          });
          const base = await deps.discovery.getBaseUrl('maestro');
          const response = await fetch(`${base}/entities/${kind.plural}`, {
            method: 'POST',
            headers: {
              'Content-Type': 'application/json',
              Authorization: `Bearer ${token}`,
            },
            body: JSON.stringify(entity),
          });
          if (response.status === 400) {
            const body = await response.json();
            throw new InputError(
              `Maestro refused ${entityRef}: ${
                body.fieldErrors
                  ? formatFieldErrors(body.fieldErrors)
                  : body.error?.message
              }`,
            );
          }
          if (!response.ok) throw await ResponseError.fromResponse(response);
          const record = await response.json();
          return stringifyEntityRef(record.entity);
        },
      });
      ctx.logger.info(`Registered ${created} in Maestro`);
      ctx.output('entityRef', created);
    },
  });
}
