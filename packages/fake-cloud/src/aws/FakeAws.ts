import { randomBytes, randomUUID } from 'crypto';
import {
  AwsGenerationOptions,
  FakeAwsRegion,
  generateAwsRegion,
} from './awsData';
import { AwsError, EC2_ACTIONS, ec2ErrorBody } from './ec2';
import { assumeRoleXml, getCallerIdentityXml, stsErrorBody } from './sts';
import { FakeRequest, FakeResponse } from '../http';
import { AwsServiceFake, createAwsServiceFakes } from './services';

export interface FakeAwsOptions extends AwsGenerationOptions {
  accountId?: string;
  /**
   * Resources of each managed-service kind (load balancers, databases,
   * buckets, queues, functions...) per region. Default 3.
   */
  servicesPerRegion?: number;
}

/** A failure that starts after some requests and lasts until cleared. */
export interface FakeFailure {
  /** Only this action fails (any EC2 action when unset). */
  action?: string;
  /** Matching requests that still succeed before the failure starts. */
  afterRequests: number;
  /** Default `InternalError` (500), which SDKs retry then give up on. */
  code?: string;
  status?: number;
  message?: string;
}

export interface AwsResponse {
  status: number;
  body: string;
}

const DEFAULT_KEY = {
  accessKeyId: 'AKIAFAKEMAESTRO00001',
  secretAccessKey: 'fake-secret-access-key-for-maestro-tests',
};

/**
 * A fake AWS account: generated regions, access keys and roles, and the
 * switches tests use to make it throttle, fail mid-scan or refuse
 * credentials. Requests are recognised by the SigV4 credential scope
 * (access key, region, service); signatures are not verified.
 */
export class FakeAws {
  readonly accountId: string;
  readonly regions = new Map<string, FakeAwsRegion>();
  /** The services beyond EC2 and STS, by SigV4 signing name. */
  readonly services: Map<string, AwsServiceFake> = createAwsServiceFakes();
  readonly servicesPerRegion: number;
  readonly defaultKey = { ...DEFAULT_KEY };
  private readonly keys = new Map<string, { arn: string }>();
  private readonly roles = new Map<string, { externalId?: string }>();

  /** The next this many EC2 requests answer RequestLimitExceeded. */
  throttleNext = 0;
  /** Every request answers AuthFailure / InvalidClientTokenId. */
  badCredentials = false;
  failure?: FakeFailure;
  /** Requests served per action, throttled and failed ones included. */
  readonly requestCounts = new Map<string, number>();
  private failureSeen = 0;

  constructor(options: FakeAwsOptions = {}) {
    this.accountId = options.accountId ?? '123456789012';
    this.servicesPerRegion = options.servicesPerRegion ?? 3;
    const regions = options.regions ?? ['us-east-1', 'eu-west-1'];
    regions.forEach((name, index) =>
      this.regions.set(name, generateAwsRegion(name, index, options)),
    );
    this.keys.set(DEFAULT_KEY.accessKeyId, {
      arn: `arn:aws:iam::${this.accountId}:user/maestro-discovery`,
    });
  }

  region(name: string): FakeAwsRegion {
    const region = this.regions.get(name);
    if (!region) throw new Error(`No fake region ${name}`);
    return region;
  }

  /** A role that AssumeRole accepts (with this external id, when given). */
  addRole(roleArn: string, externalId?: string) {
    this.roles.set(roleArn, { externalId });
  }

  /** Clears throttling, failures and bad credentials. */
  resetSwitches() {
    this.throttleNext = 0;
    this.badCredentials = false;
    this.failure = undefined;
    this.failureSeen = 0;
  }

  private count(action: string) {
    this.requestCounts.set(action, (this.requestCounts.get(action) ?? 0) + 1);
  }

  handle(opts: {
    service: string;
    region: string;
    accessKeyId?: string;
    params: URLSearchParams;
  }): AwsResponse {
    const requestId = randomUUID();
    const action = opts.params.get('Action') ?? '';
    this.count(action);
    const isSts = opts.service === 'sts';
    const fail = (error: AwsError): AwsResponse => ({
      status: error.status,
      body: isSts
        ? stsErrorBody(error, requestId)
        : ec2ErrorBody(error, requestId),
    });
    const known = opts.accessKeyId && this.keys.has(opts.accessKeyId);
    if (this.badCredentials || !known) {
      return fail(
        isSts
          ? new AwsError(
              403,
              'InvalidClientTokenId',
              'The security token included in the request is invalid.',
            )
          : new AwsError(
              401,
              'AuthFailure',
              'AWS was not able to validate the provided access credentials',
            ),
      );
    }
    try {
      if (isSts)
        return {
          status: 200,
          body: this.sts(action, opts.params, opts.accessKeyId!, requestId),
        };
      if (opts.service !== 'ec2') {
        throw new AwsError(
          400,
          'InvalidAction',
          `The fake cloud does not serve ${opts.service}`,
        );
      }
      this.throttleOrFail(action);
      const handler = EC2_ACTIONS[action];
      if (!handler) {
        throw new AwsError(
          400,
          'InvalidAction',
          `The action ${action} is not valid for this web service.`,
        );
      }
      const region = this.regions.get(opts.region);
      if (!region) {
        throw new AwsError(
          401,
          'AuthFailure',
          `The region ${opts.region} is not enabled for this account.`,
        );
      }
      return {
        status: 200,
        body: handler(region, opts.params, {
          accountId: this.accountId,
          requestId,
          regions: [...this.regions.keys()],
        }),
      };
    } catch (e) {
      if (e instanceof AwsError) return fail(e);
      throw e;
    }
  }

  /** Throws what the throttling and failure switches say for this action. */
  private throttleOrFail(action: string) {
    if (this.throttleNext > 0) {
      this.throttleNext--;
      throw new AwsError(
        503,
        'RequestLimitExceeded',
        'Request limit exceeded.',
      );
    }
    if (
      this.failure &&
      (!this.failure.action || this.failure.action === action)
    ) {
      this.failureSeen++;
      if (this.failureSeen > this.failure.afterRequests) {
        throw new AwsError(
          this.failure.status ?? 500,
          this.failure.code ?? 'InternalError',
          this.failure.message ?? 'An internal error has occurred.',
        );
      }
    }
  }

  /**
   * A request to a service beyond EC2 and STS (ELB, RDS, S3, Lambda...),
   * answered by that service's fake in its own wire protocol, behind the
   * same credential, throttling and failure switches.
   */
  handleService(opts: {
    service: string;
    region: string;
    accessKeyId?: string;
    request: FakeRequest;
  }): FakeResponse {
    const requestId = randomUUID();
    const fake = this.services.get(opts.service);
    if (!fake) {
      return {
        status: 400,
        headers: { 'content-type': 'text/plain' },
        body: `The fake cloud does not serve ${opts.service}`,
      };
    }
    const action = fake.action(opts.request);
    this.count(action);
    try {
      if (
        this.badCredentials ||
        !opts.accessKeyId ||
        !this.keys.has(opts.accessKeyId)
      ) {
        throw new AwsError(
          403,
          opts.service === 's3' ? 'InvalidAccessKeyId' : 'InvalidClientTokenId',
          'The security token included in the request is invalid.',
        );
      }
      this.throttleOrFail(action);
      const region = this.regions.get(opts.region);
      if (!region) {
        throw new AwsError(
          403,
          'InvalidClientTokenId',
          `The region ${opts.region} is not enabled for this account.`,
        );
      }
      return fake.handle(opts.request, {
        regionName: opts.region,
        region,
        regionNames: [...this.regions.keys()],
        accountId: this.accountId,
        requestId,
        servicesPerRegion: this.servicesPerRegion,
      });
    } catch (e) {
      if (e instanceof AwsError) return fake.error(e, requestId);
      throw e;
    }
  }

  private sts(
    action: string,
    params: URLSearchParams,
    accessKeyId: string,
    requestId: string,
  ) {
    if (action === 'GetCallerIdentity') {
      return getCallerIdentityXml({
        arn: this.keys.get(accessKeyId)!.arn,
        userId: accessKeyId,
        account: this.accountId,
        requestId,
      });
    }
    if (action === 'AssumeRole') {
      const roleArn = params.get('RoleArn') ?? '';
      const role = this.roles.get(roleArn);
      if (
        !role ||
        (role.externalId && role.externalId !== params.get('ExternalId'))
      ) {
        throw new AwsError(
          403,
          'AccessDenied',
          `User: ${
            this.keys.get(accessKeyId)!.arn
          } is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
        );
      }
      const sessionName = params.get('RoleSessionName') ?? 'session';
      const temporaryKey = `ASIA${randomBytes(8)
        .toString('hex')
        .toUpperCase()}`;
      this.keys.set(temporaryKey, {
        arn: `arn:aws:sts::${this.accountId}:assumed-role/${roleArn
          .split('/')
          .pop()}/${sessionName}`,
      });
      return assumeRoleXml({
        roleArn,
        sessionName,
        accessKeyId: temporaryKey,
        secretAccessKey: randomBytes(20).toString('base64'),
        sessionToken: randomBytes(32).toString('base64'),
        expiration: new Date(Date.now() + 3600_000).toISOString(),
        requestId,
      });
    }
    throw new AwsError(
      400,
      'InvalidAction',
      `Could not find operation ${action}`,
    );
  }
}
