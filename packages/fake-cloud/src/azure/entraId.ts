import { randomBytes, randomUUID } from 'crypto';
import { FakeResponse, jsonResponse } from '../http';

/** An app registration that may get tokens with its client secret. */
export interface FakeAzureClient {
  clientId: string;
  clientSecret: string;
}

/** An access token the fake issued, and to whom. */
export interface IssuedToken {
  clientId: string;
  expiresAt: number;
}

/** Tokens live an hour, as Entra ID's do by default. */
const TOKEN_LIFETIME_SECONDS = 3599;

/** An OAuth error body of the v2.0 endpoint: AADSTS code in the description. */
function oauthError(
  status: number,
  error: string,
  code: number,
  description: string,
): FakeResponse {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date().toISOString().replace('T', ' ').slice(0, 19);
  return jsonResponse(status, {
    error,
    error_description: `AADSTS${code}: ${description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}Z`,
    error_codes: [code],
    timestamp: `${timestamp}Z`,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${code}`,
  });
}

/**
 * The Entra ID (Azure AD) endpoints a confidential client uses: the tenant's
 * OpenID metadata and the v2.0 token endpoint with the client-credentials
 * grant. Errors carry the AADSTS codes Entra ID answers with.
 */
export class FakeEntraId {
  readonly tokens = new Map<string, IssuedToken>();

  constructor(
    private readonly tenantId: string,
    private readonly clients: Map<string, FakeAzureClient>,
  ) {}

  /** `GET /{tenant}/v2.0/.well-known/openid-configuration`. */
  openIdConfiguration(tenant: string, baseUrl: string): FakeResponse {
    if (tenant !== this.tenantId) return this.tenantNotFound(tenant, 400);
    const authority = `${baseUrl}/${tenant}`;
    return jsonResponse(200, {
      token_endpoint: `${authority}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: [
        'client_secret_post',
        'private_key_jwt',
        'client_secret_basic',
      ],
      jwks_uri: `${baseUrl}/${tenant}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: `${authority}/v2.0`,
      authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
      tenant_region_scope: 'EU',
    });
  }

  /** `POST /{tenant}/oauth2/v2.0/token` (client credentials). */
  token(
    tenant: string,
    form: URLSearchParams,
    opts: { badCredentials: boolean },
  ): FakeResponse {
    if (tenant !== this.tenantId) return this.tenantNotFound(tenant, 400);
    if (form.get('grant_type') !== 'client_credentials') {
      return oauthError(
        400,
        'unsupported_grant_type',
        70003,
        'The app requested an unsupported grant type.',
      );
    }
    const clientId = form.get('client_id') ?? '';
    const client = this.clients.get(clientId);
    if (!client) {
      return oauthError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
      );
    }
    if (
      opts.badCredentials ||
      form.get('client_secret') !== client.clientSecret
    ) {
      return oauthError(
        401,
        'invalid_client',
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
      );
    }
    const scope = form.get('scope') ?? '';
    if (!scope.split(' ').some(s => s.endsWith('/.default'))) {
      return oauthError(
        400,
        'invalid_scope',
        1002012,
        `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
      );
    }
    const accessToken = randomBytes(32).toString('base64url');
    this.tokens.set(accessToken, {
      clientId,
      expiresAt: Date.now() + TOKEN_LIFETIME_SECONDS * 1000,
    });
    return jsonResponse(200, {
      token_type: 'Bearer',
      expires_in: TOKEN_LIFETIME_SECONDS,
      ext_expires_in: TOKEN_LIFETIME_SECONDS,
      access_token: accessToken,
    });
  }

  /** The client a bearer token was issued to, if it is valid. */
  verify(authorization: string | undefined): IssuedToken | undefined {
    const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    const issued = token ? this.tokens.get(token) : undefined;
    return issued && issued.expiresAt > Date.now() ? issued : undefined;
  }

  private tenantNotFound(tenant: string, status: number) {
    return oauthError(
      status,
      'invalid_request',
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
    );
  }
}
