import { FakeProvider, FakeRequest, FakeResponse, jsonResponse } from '../http';
import {
  OpenStackFault,
  OpenStackServiceType,
  forbiddenMessage,
  internalErrorMessage,
  overLimitMessage,
  renderFault,
  unauthorized,
} from './faults';
import { auditId, fernetToken, hexIdFor } from './ids';
import {
  AUTH_REQUIRED,
  KeystoneProject,
  KeystoneUser,
  catalogBody,
  keystoneTime,
  projectMatches,
  readPasswordAuth,
  userMatches,
} from './keystone';
import {
  OpenStackGenerationOptions,
  generateOpenStackRegion,
  projectIdentity,
} from './openstackData';
import { FakeOpenStackRegion } from './openstackTypes';
import { SERVICES, catalogServices } from './services';
import { FakeOpenStackService } from './services/types';

export interface FakeOpenStackOptions extends OpenStackGenerationOptions {
  /** Default `maestro`. */
  username?: string;
  /** Default `fake-openstack-password`. */
  password?: string;
  /** Default `maestro-demo`, in the `Default` domain. */
  projectName?: string;
  /** Service types the catalog leaves out (a cloud without Octavia). */
  omitServices?: OpenStackServiceType[];
  /** Where FakeCloud mounts the fake, for requests that do not say (`baseUrl`). Default `/openstack`. */
  mountPath?: string;
}

/** A failure that starts after some requests and lasts until cleared. */
export interface FakeOpenStackFailure {
  /** Only this call fails (`servers`, `volumes`, `ports`...); any when unset. */
  route?: string;
  /** Matching requests that still succeed before the failure starts. */
  afterRequests: number;
  /** Default 500, with the service's own internal error. */
  status?: number;
  message?: string;
}

/** A request the fake served, for tests to look at paging and endpoints. */
export interface FakeOpenStackCall {
  route: string;
  interface?: string;
  region?: string;
  query: string;
}

const INTERFACES = new Set(['public', 'internal', 'admin']);

/**
 * A fake OpenStack project: Keystone v3 password authentication with a
 * service catalog whose endpoints point back at the fake, and Nova, Cinder,
 * Glance, Neutron and Octavia listings that check the X-Auth-Token and page
 * as each service does. Switches make it throttle, fail mid-scan, refuse
 * the password, deny a policy rule or expire tokens.
 */
export class FakeOpenStack implements FakeProvider {
  readonly regions = new Map<string, FakeOpenStackRegion>();
  readonly user: KeystoneUser;
  readonly project: KeystoneProject;
  /** The connection settings a client needs (the auth URL is `${fake.url}/openstack/identity/v3`). */
  readonly defaultCredentials: {
    username: string;
    password: string;
    projectName: string;
    projectId: string;
    userDomain: string;
    projectDomain: string;
  };

  /** The next n service calls answer over-limit (429 or 413) with Retry-After. */
  throttleNext = 0;
  throttleStatus: 429 | 413 = 429;
  /** Seconds the over-limit answers ask to wait. */
  throttleRetryAfter = 1;
  /** Keystone refuses every password, as after a password change. */
  badPassword = false;
  /** A policy rule (e.g. `os_compute_api:servers:detail`) every call it guards is denied. */
  forbidden?: string;
  failure?: FakeOpenStackFailure;
  /** Lifetime of the tokens issued from now on. */
  tokenLifetimeSeconds = 3600;
  /** Requests served per route (`tokens`, `servers`, `ports`...), refused ones included. */
  readonly requestCounts = new Map<string, number>();
  readonly calls: FakeOpenStackCall[] = [];

  private readonly tokens = new Map<
    string,
    { expiresAt: number; projectId: string }
  >();
  private readonly omitted: Set<string>;
  private readonly mountPath: string;
  private failureSeen = 0;

  constructor(options: FakeOpenStackOptions = {}) {
    const ids = projectIdentity(options.seed);
    const domain = { id: 'default', name: 'Default' };
    this.user = {
      id: ids.userId,
      name: options.username ?? 'maestro',
      password: options.password ?? 'fake-openstack-password',
      domain,
    };
    this.project = {
      id: ids.projectId,
      name: options.projectName ?? 'maestro-demo',
      domain,
    };
    this.defaultCredentials = {
      username: this.user.name,
      password: this.user.password,
      projectName: this.project.name,
      projectId: this.project.id,
      userDomain: domain.name,
      projectDomain: domain.name,
    };
    this.omitted = new Set(options.omitServices ?? []);
    this.mountPath = options.mountPath ?? '/openstack';
    (options.regions ?? ['RegionOne', 'RegionTwo']).forEach((name, index) =>
      this.regions.set(
        name,
        generateOpenStackRegion(name, index, ids, options),
      ),
    );
  }

  region(name: string): FakeOpenStackRegion {
    const region = this.regions.get(name);
    if (!region) throw new Error(`No fake region ${name}`);
    return region;
  }

  /** Every issued token stops working (a 401 on the next call). */
  revokeTokens() {
    this.tokens.clear();
  }

  /** Clears throttling, failures, denials, bad password and token lifetime. */
  resetSwitches() {
    this.throttleNext = 0;
    this.throttleStatus = 429;
    this.throttleRetryAfter = 1;
    this.badPassword = false;
    this.forbidden = undefined;
    this.failure = undefined;
    this.failureSeen = 0;
    this.tokenLifetimeSeconds = 3600;
  }

  handle(request: FakeRequest): FakeResponse {
    // Endpoints point back at the fake as the client reached it (its Host).
    const origin =
      request.baseUrl ??
      `http://${request.headers.host ?? '127.0.0.1'}${this.mountPath}`;
    if (request.path === '/identity/v3/auth/tokens') {
      this.count({ route: 'tokens', query: '' });
      try {
        if (request.method !== 'POST') {
          throw new OpenStackFault(
            405,
            'The method is not allowed for the requested URL.',
          );
        }
        return this.issueToken(request, origin);
      } catch (e) {
        if (e instanceof OpenStackFault) return renderFault('identity', e);
        throw e;
      }
    }
    const [, iface, regionName, segment, ...rest] = request.path.split('/');
    const service = SERVICES.find(s => s.segment === segment);
    const region = this.regions.get(decodeURIComponent(regionName ?? ''));
    if (
      !service ||
      !region ||
      !INTERFACES.has(iface) ||
      this.omitted.has(service.type)
    ) {
      return renderFault(
        'identity',
        new OpenStackFault(404, 'The resource could not be found.'),
      );
    }
    const token = this.tokens.get(
      String(request.headers['x-auth-token'] ?? ''),
    );
    if (!token || token.expiresAt <= Date.now()) {
      this.count({
        route: 'unauthorized',
        interface: iface,
        region: region.name,
        query: '',
      });
      return unauthorized(`${origin}/identity`);
    }
    try {
      const suffix = service.endpointSuffix(token.projectId);
      const below = `/${rest.join('/')}`;
      if (!below.startsWith(suffix)) {
        throw new OpenStackFault(404, 'The resource could not be found.');
      }
      const path = below.slice(suffix.length);
      const match = service.routes
        .map(r => ({ route: r, m: r.pattern.exec(path) }))
        .find(x => x.m);
      if (!match || request.method !== 'GET') {
        throw new OpenStackFault(404, 'The resource could not be found.');
      }
      const { route, m } = match;
      this.count({
        route: route.name,
        interface: iface,
        region: region.name,
        query: request.query.toString(),
      });
      this.throttleDenyOrFail(service, route.name, route.policy);
      return route.handle(
        {
          request,
          region,
          endpointUrl: `${origin}/${iface}/${regionName}/${segment}${suffix}`,
          path,
          projectId: token.projectId,
        },
        m!,
      );
    } catch (e) {
      if (e instanceof OpenStackFault) return renderFault(service.type, e);
      throw e;
    }
  }

  private count(call: FakeOpenStackCall) {
    this.requestCounts.set(
      call.route,
      (this.requestCounts.get(call.route) ?? 0) + 1,
    );
    this.calls.push(call);
    // Keep memory flat in long benchmark runs.
    if (this.calls.length > 10000)
      this.calls.splice(0, this.calls.length - 10000);
  }

  /** Throws what the throttling, policy and failure switches say for a call. */
  private throttleDenyOrFail(
    service: FakeOpenStackService,
    route: string,
    policy: string | undefined,
  ) {
    if (this.throttleNext > 0) {
      this.throttleNext--;
      throw new OpenStackFault(
        this.throttleStatus,
        overLimitMessage(service.type),
        {
          'Retry-After': String(this.throttleRetryAfter),
        },
      );
    }
    if (policy && this.forbidden === policy) {
      throw new OpenStackFault(403, forbiddenMessage(service.type, policy));
    }
    if (this.failure && (!this.failure.route || this.failure.route === route)) {
      this.failureSeen++;
      if (this.failureSeen > this.failure.afterRequests) {
        throw new OpenStackFault(
          this.failure.status ?? 500,
          this.failure.message ?? internalErrorMessage(service.type),
        );
      }
    }
  }

  private issueToken(request: FakeRequest, origin: string): FakeResponse {
    const asked = readPasswordAuth(request.body);
    if (
      this.badPassword ||
      !userMatches(asked.user, this.user) ||
      asked.password !== this.user.password ||
      (asked.project && !projectMatches(asked.project, this.project))
    ) {
      throw new OpenStackFault(401, AUTH_REQUIRED);
    }
    const now = Date.now();
    const expiresAt = now + this.tokenLifetimeSeconds * 1000;
    const id = fernetToken();
    const scoped = Boolean(asked.project);
    if (scoped) this.tokens.set(id, { expiresAt, projectId: this.project.id });
    const { password: _password, ...user } = this.user;
    const token: Record<string, unknown> = {
      methods: ['password'],
      user: { ...user, password_expires_at: null },
      audit_ids: [auditId()],
      expires_at: keystoneTime(expiresAt),
      issued_at: keystoneTime(now),
    };
    if (scoped) {
      Object.assign(token, {
        project: this.project,
        is_domain: false,
        roles: [
          { id: hexIdFor('role/reader'), name: 'reader' },
          { id: hexIdFor('role/member'), name: 'member' },
        ],
        catalog: catalogBody(
          catalogServices(origin, this.project.id, this.omitted),
          [...this.regions.keys()],
        ),
      });
    }
    return jsonResponse(
      201,
      { token },
      { 'X-Subject-Token': id, Vary: 'X-Auth-Token' },
    );
  }
}
