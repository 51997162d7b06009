import { DiscoveryProviderError } from '@maestro/plugin-maestro-node';

/** An ARM error answer: `{"error":{"code","message"}}` with its status. */
export class ArmRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly statusCode: number,
  ) {
    super(message);
    this.name = 'ArmRequestError';
  }
}

/** ARM codes of a token it does not accept. */
const CREDENTIAL_CODES = new Set([
  'AuthenticationFailed',
  'InvalidAuthenticationToken',
  'InvalidAuthenticationTokenAudience',
  'InvalidAuthenticationTokenTenant',
  'ExpiredAuthenticationToken',
]);

/** ARM codes of a role assignment that does not allow the action. */
const PERMISSION_CODES = new Set([
  'AuthorizationFailed',
  'LinkedAuthorizationFailed',
]);

/** The errors @azure/identity throws when it gets no token. */
const TOKEN_ERRORS = new Set([
  'AuthenticationError',
  'AuthenticationRequiredError',
  'CredentialUnavailableError',
]);

/**
 * Entra ID's answer inside an identity error, e.g. `AADSTS7000215: Invalid
 * client secret provided. ...`, without its trace and correlation ids.
 */
function entraIdReason(message: string) {
  const m =
    /(AADSTS\d+): ([\s\S]*?)(?=\s+Trace ID:|\s+- Correlation ID|\s+- Timestamp|$)/.exec(
      message,
    );
  return m ? { code: m[1], text: m[2].trim() } : undefined;
}

/**
 * Turns an SDK error into what the task shows: a refused client secret or
 * token as `credentials`, a missing role as `permission` with the action
 * ARM names (else the listing's), anything else as a provider failure with
 * the provider's message.
 */
export function toProviderError(error: unknown, permission: string): Error {
  if (error instanceof DiscoveryProviderError) return error;
  const e = error as { name?: string; code?: string; message?: string };
  if (e?.name && TOKEN_ERRORS.has(e.name)) {
    const reason = entraIdReason(e.message ?? '');
    if (reason || e.name === 'AuthenticationError') {
      const code = reason?.code ?? 'AuthenticationFailed';
      return new DiscoveryProviderError({
        kind: 'credentials',
        code,
        message: reason ? `${code}: ${reason.text}` : e.message ?? code,
      });
    }
    // MSAL drops Entra ID's answer when the tenant's OpenID configuration
    // cannot be read: an unknown tenant (AADSTS90002) or a wrong host.
    if (e.message?.startsWith('endpoints_resolution_error')) {
      return new DiscoveryProviderError({
        kind: 'credentials',
        code: 'endpoints_resolution_error',
        message:
          "endpoints_resolution_error: the tenant's OpenID configuration could not be read from the authority host; check the tenant ID and the authority host",
      });
    }
    // No answer from Entra ID at all (network failure, ...).
    return new DiscoveryProviderError({
      kind: 'provider',
      code: e.name,
      message: e.message ?? e.name,
    });
  }
  if (error instanceof ArmRequestError) {
    const message = `${error.code}: ${error.message}`;
    if (CREDENTIAL_CODES.has(error.code)) {
      return new DiscoveryProviderError({
        kind: 'credentials',
        code: error.code,
        message,
      });
    }
    if (PERMISSION_CODES.has(error.code)) {
      const action = /perform action '([^']+)'/.exec(error.message)?.[1];
      return new DiscoveryProviderError({
        kind: 'permission',
        code: error.code,
        message,
        permission: action ?? permission,
      });
    }
    return new DiscoveryProviderError({
      kind: 'provider',
      code: error.code,
      message,
    });
  }
  if (e?.message && (e.code || e.name === 'RestError')) {
    return new DiscoveryProviderError({
      kind: 'provider',
      code: e.code,
      message: e.code ? `${e.code}: ${e.message}` : e.message,
    });
  }
  return error as Error;
}
