import { rootCertificates } from 'tls';
import { ComputeManagementClient } from '@azure/arm-compute';
import { NetworkManagementClient } from '@azure/arm-network';
import { AzureAuthorityHosts, ClientSecretCredential } from '@azure/identity';
import { DiscoveryConnection } from '@maestro/plugin-maestro-node';
import { ArmRequestError } from './azureErrors';

export const DEFAULT_ARM_ENDPOINT = 'https://management.azure.com';

/** The SDK clients of one run, sharing one credential. */
export interface AzureClients {
  subscriptionId: string;
  compute: ComputeManagementClient;
  network: NetworkManagementClient;
}

type PipelinePolicy = Parameters<
  ComputeManagementClient['pipeline']['addPolicy']
>[0];

const DEFAULT_MAX_RETRIES = 4;
const KNOWN_AUTHORITY_HOSTS = new Set<string>(
  Object.values(AzureAuthorityHosts),
);

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/**
 * Keeps ARM's error body. The SDK's pager reports a failed page as
 * "Pagination failed with unexpected statusCode 403" and drops ARM's
 * message, which names the missing action; this policy runs outside the
 * retries and the token policy, so it sees only the final answer, and
 * throws with ARM's code and message.
 */
const armErrorPolicy: PipelinePolicy = {
  name: 'maestroArmErrorPolicy',
  async sendRequest(request, next) {
    const response = await next(request);
    if (response.status < 400) return response;
    let error: { code?: string; message?: string } | undefined;
    try {
      error = JSON.parse(response.bodyAsText ?? '')?.error;
    } catch {
      error = undefined;
    }
    if (error?.code) {
      throw new ArmRequestError(
        error.code,
        error.message ?? '',
        response.status,
      );
    }
    return response;
  },
};

/**
 * The credential and clients of a connection: a client secret of an app
 * registration, ARM at `armEndpoint` (Azure's by default) and Entra ID at
 * `authorityHost`. A CA certificate in the connection is trusted besides
 * the usual public ones, for a TLS-inspecting proxy or a private cloud.
 */
export function azureClients(connection: DiscoveryConnection): AzureClients {
  const { settings, credentials } = connection;
  const armEndpoint = trimSlash(settings.armEndpoint || DEFAULT_ARM_ENDPOINT);
  const authorityHost = trimSlash(
    settings.authorityHost || AzureAuthorityHosts.AzurePublicCloud,
  );
  const tlsOptions = settings.caCertificate
    ? { ca: [...rootCertificates, settings.caCertificate] }
    : undefined;
  const retryOptions = {
    maxRetries: Number(settings.maxRetries) || DEFAULT_MAX_RETRIES,
    retryDelayInMs: Number(settings.retryDelayMs) || undefined,
  };
  const credential = new ClientSecretCredential(
    settings.tenantId,
    settings.clientId,
    credentials.clientSecret,
    {
      authorityHost,
      // Instance discovery only knows Microsoft's own clouds.
      disableInstanceDiscovery: !KNOWN_AUTHORITY_HOSTS.has(authorityHost),
      tlsOptions,
      retryOptions,
    },
  );
  const options = {
    endpoint: armEndpoint,
    credentials: { scopes: [`${new URL(armEndpoint).origin}/.default`] },
    retryOptions,
    tlsOptions,
    userAgentOptions: { userAgentPrefix: 'maestro-discovery' },
  };
  const compute = new ComputeManagementClient(
    credential,
    settings.subscriptionId,
    options,
  );
  const network = new NetworkManagementClient(
    credential,
    settings.subscriptionId,
    options,
  );
  // Outermost, so the token policy still sees ARM's 401 challenges first.
  compute.pipeline.addPolicy(armErrorPolicy, { phase: 'Serialize' });
  network.pipeline.addPolicy(armErrorPolicy, { phase: 'Serialize' });
  return { subscriptionId: settings.subscriptionId, compute, network };
}
