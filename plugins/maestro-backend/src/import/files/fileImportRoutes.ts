import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { WritePath } from '../../writePath/WritePath';
import { actorOf } from '../../service/actor';
import { FileFormatRegistry } from './FileFormatRegistry';

export const DEFAULT_MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/** Thrown for a body over the limit, before any of it is read. */
class UploadTooLarge extends InputError {
  readonly statusCode = 413;
}

/**
 * `POST /import/files/:format`: an upload (one file, a .tar.gz or a .zip)
 * read by a file format module (Ansible facts, Terraform state, ...), then
 * written through the write path all or nothing, or only previewed with
 * `dryRun=true`. Mounted before the JSON body parser: the body is raw bytes.
 */
export function fileImportRoutes(deps: {
  formats: FileFormatRegistry;
  writePath: WritePath;
  httpAuth: HttpAuthService;
  maxUploadBytes: number;
}) {
  const { formats, writePath, httpAuth, maxUploadBytes } = deps;
  const router = Router();

  router.get('/import/files', async (req, res) => {
    await httpAuth.credentials(req);
    res.json({ items: formats.list(), maxUploadBytes });
  });

  router.post(
    '/import/files/:format',
    async (req, _res, next) => {
      await httpAuth.credentials(req, { allow: ['user', 'service'] });
      if (!formats.get(req.params.format))
        throw new NotFoundError(`No file format '${req.params.format}'`);
      const declared = Number(req.headers['content-length']);
      // Refused from its header, so a huge upload is never read into memory.
      if (declared > maxUploadBytes)
        throw new UploadTooLarge(
          `The upload has ${declared} bytes; at most ${maxUploadBytes} are accepted (maestro.import.maxUploadBytes)`,
        );
      next();
    },
    express.raw({ type: () => true, limit: maxUploadBytes }),
    async (req, res) => {
      const format = formats.get(req.params.format)!;
      const actor = await actorOf(httpAuth, req);
      const filename = String(req.query.filename ?? `upload.${format.id}`);
      const datacenter =
        typeof req.query.datacenter === 'string' && req.query.datacenter
          ? req.query.datacenter.toLowerCase()
          : undefined;
      const dryRun = req.query.dryRun === 'true';
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (!body.length) throw new InputError('The upload is empty');

      let parsed;
      try {
        parsed = await format.parse(
          {
            filename,
            contentType: req.headers['content-type'] ?? '',
            body,
          },
          { datacenter, maxBytes: maxUploadBytes },
        );
      } catch (e) {
        // An archive that cannot be read: say so, as any other bad input.
        if ((e as Error).name === 'UploadError')
          throw new InputError((e as Error).message);
        throw e;
      }
      if (parsed.errors.length) {
        const first = parsed.errors[0];
        res.status(400).json({
          error: {
            name: 'InputError',
            message: `${parsed.errors.length} problem(s); first: ${first.file}${
              first.location ? ` at ${first.location}` : ''
            } ${first.message}`,
          },
          problems: parsed.errors,
          skipped: parsed.skipped,
        });
        return;
      }
      if (!parsed.entities.length)
        throw new InputError(`${filename} holds no ${format.title} records`);

      const results = await writePath.writeMany(parsed.entities, {
        mode: 'upsert',
        source: { type: 'import', name: `${format.id}:${filename}` },
        actor,
        dryRun,
      });
      const counts = { created: 0, updated: 0, unchanged: 0 };
      for (const r of results) counts[r.action]++;
      res.json({
        dryRun,
        format: format.id,
        ...counts,
        skipped: parsed.skipped,
        records: results.map(r => ({
          entityRef: r.record.entityRef,
          action: r.action,
        })),
      });
    },
  );

  return router;
}
