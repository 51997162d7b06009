import {
  DiscoveryProviderError,
  DiscoveryTask,
  FileProblem,
  ParsedFiles,
} from '@maestro/plugin-maestro-node';
import { fetchFiles } from '../fetch/fetchFiles';
import { FetchLimits } from '../fetch/fetchLimits';
import { JsonFilesFormat } from '../upload/parseJsonFiles';

export const FILES_TASK = 'files-sync';
/** The one scope of a files connection: everything its files hold. */
export const FILES_SCOPE = 'files';
const BATCH = 200;
const LISTED = 10;

function describeProblem(p: FileProblem) {
  return `${p.file}${p.location ? ` at ${p.location}` : ''}: ${p.message}`;
}

/** Every problem of a run, the first ones spelled out. */
function problemsMessage(errors: FileProblem[], origin: string) {
  const listed = errors.slice(0, LISTED).map(describeProblem).join('; ');
  const more =
    errors.length > LISTED ? `; and ${errors.length - LISTED} more` : '';
  return `${errors.length} problem(s) in the files of ${origin}, nothing was written: ${listed}${more}`;
}

/** `4 part(s) skipped: aws_s3_bucket is not inventory Maestro reads (×3), ...` */
function skippedMessage(skipped: ParsedFiles['skipped']) {
  if (!skipped.length) return '';
  const reasons = new Map<string, number>();
  for (const s of skipped)
    reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
  const top = [...reasons]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([reason, n]) => (n > 1 ? `${reason} (×${n})` : reason));
  return `; ${skipped.length} part(s) skipped: ${top.join(', ')}${
    reasons.size > 5 ? ', ...' : ''
  }`;
}

/**
 * The one task of a files connection: fetches the files (SSH or S3), reads
 * them as an upload of the format is read, then writes what they hold in
 * batches under one scope, and completes it. A problem in any file fails
 * the run before anything is written; nothing is marked inactive then.
 */
export function filesTask(
  format: JsonFilesFormat,
  limits: FetchLimits,
): DiscoveryTask {
  return {
    name: FILES_TASK,
    description: `Reads the ${format.title} files of the connection's folder (SSH) or bucket path (S3); a problem in any file writes nothing`,
    defaultInterval: { every: 1, period: 'days' },
    permissions: [
      'SSH: read access to the path (SFTP)',
      's3:ListBucket',
      's3:GetObject',
    ],
    async run(context) {
      const fetched = await fetchFiles(context, limits, format.readsFile);
      context.progress({
        message: `${fetched.files.length} file(s) read from ${fetched.origin}`,
      });
      let parsed;
      try {
        parsed = await format.parseFiles(
          fetched.files,
          {
            datacenter: context.connection.datacenter,
            maxBytes: limits.maxBytes,
          },
          fetched.origin,
        );
      } catch (error) {
        // An archive among the files that cannot be unpacked.
        if ((error as Error).name !== 'UploadError') throw error;
        throw new DiscoveryProviderError({
          kind: 'provider',
          code: 'InvalidFiles',
          message: `${(error as Error).message}; nothing was written`,
        });
      }
      if (parsed.errors.length)
        throw new DiscoveryProviderError({
          kind: 'provider',
          code: 'InvalidFiles',
          message: problemsMessage(parsed.errors, fetched.origin),
        });
      // An empty folder is more likely a wrong path than an empty
      // inventory: it marks nothing inactive.
      if (!parsed.files) return { message: `no files in ${fetched.origin}` };
      const { entities } = parsed;
      for (let i = 0; i < entities.length; i += BATCH) {
        await context.emit(FILES_SCOPE, entities.slice(i, i + BATCH));
        context.progress({
          message: `${Math.min(i + BATCH, entities.length)} of ${
            entities.length
          } records written`,
          seen: Math.min(i + BATCH, entities.length),
        });
      }
      await context.complete(FILES_SCOPE);
      return {
        message: `${entities.length} record(s) from ${
          parsed.files
        } file(s) of ${fetched.origin}${skippedMessage(parsed.skipped)}`,
      };
    },
  };
}
