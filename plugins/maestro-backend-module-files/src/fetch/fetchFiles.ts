import { DiscoveryTaskContext } from '@maestro/plugin-maestro-node';
import { FetchedFiles, FetchLimits } from './fetchLimits';
import { fetchOverSsh } from './ssh/sshFetch';
import { normalizePrivateKey } from './ssh/privateKey';
import { fetchFromS3 } from './s3/s3Fetch';

/** The files of a connection, over the transport it names. */
export function fetchFiles(
  context: DiscoveryTaskContext,
  limits: FetchLimits,
  include?: (name: string) => boolean,
): Promise<FetchedFiles> {
  const { settings, credentials } = context.connection;
  if (settings.transport === 's3')
    return fetchFromS3({
      source: {
        bucket: settings.bucket,
        prefix: settings.prefix ?? '',
        region: settings.region,
        accessKeyId: settings.accessKeyId,
        secretAccessKey: credentials.secretAccessKey,
        endpoint: settings.endpoint,
      },
      limits,
      signal: context.signal,
      include,
    });
  return fetchOverSsh({
    source: {
      host: settings.host,
      port: Number(settings.port || 22),
      username: settings.username,
      privateKey: normalizePrivateKey(credentials.privateKey),
      passphrase: credentials.passphrase,
      path: settings.path,
      hostKey: settings.hostKey,
    },
    state: context.state,
    limits,
    signal: context.signal,
    include,
  });
}
