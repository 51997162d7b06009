import { FakeRequest, FakeResponse } from '../../http';
import { AwsError } from '../ec2';
import { AwsServiceContext, AwsServiceFake } from './types';
import { RestXmlNode, restXmlDocument } from './restXml';
import { GENERATED_AT, seededId } from './serviceData';
import { generatedBucketName } from './s3Store';
import { generatedRestApiId } from './apigateway';

/** A CloudFront distribution of the fake account. */
export interface FakeDistribution {
  id: string;
  arn: string;
  domainName: string;
  status: 'Deployed' | 'InProgress';
  enabled: boolean;
  comment: string;
  aliases: string[];
  lastModified: string;
  /** Origin domains: S3 buckets or API Gateway endpoints of the account. */
  origins: string[];
  priceClass: string;
}

const XMLNS = 'http://cloudfront.amazonaws.com/doc/2020-05-31/';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';

const ERRORS: Record<
  string,
  { code: string; status: number; message?: string }
> = {
  RequestLimitExceeded: {
    code: 'Throttling',
    status: 400,
    message: 'Rate exceeded',
  },
  AccessDeniedException: { code: 'AccessDenied', status: 403 },
  InternalError: { code: 'ServiceUnavailable', status: 503 },
};

const invalidArgument = (message: string) =>
  new AwsError(400, 'InvalidArgument', message);

/**
 * Amazon CloudFront (a global service, signed in us-east-1) in REST-XML:
 * ListDistributions (`GET /2020-05-31/distribution`), paged by
 * Marker/MaxItems with `NextMarker` and `IsTruncated`.
 */
export class FakeCloudFront implements AwsServiceFake {
  private generated?: FakeDistribution[];

  /** Every distribution, once the fake has served a request. */
  get distributions(): FakeDistribution[] {
    if (!this.generated) {
      throw new Error(
        'No CloudFront distributions yet: they are generated at the first request',
      );
    }
    return this.generated;
  }

  action(request: FakeRequest) {
    return request.method === 'GET' &&
      /^\/2020-05-31\/distribution\/?$/.test(request.path)
      ? 'ListDistributions'
      : 'Unknown';
  }

  handle(request: FakeRequest, context: AwsServiceContext): FakeResponse {
    this.generated ??= generateDistributions(context);
    if (this.action(request) !== 'ListDistributions') {
      throw new AwsError(
        404,
        'NotFound',
        `Unknown operation ${request.method} ${request.path}`,
      );
    }
    const maxText = request.query.get('MaxItems');
    const max = maxText === null ? 100 : Number(maxText);
    if (!Number.isInteger(max) || max < 1 || max > 1000) {
      throw invalidArgument(`Invalid value for MaxItems: ${maxText}`);
    }
    const marker = request.query.get('Marker') ?? '';
    let start = 0;
    if (marker) {
      const at = this.generated.findIndex(d => d.id === marker);
      if (at < 0) throw invalidArgument(`Invalid marker: ${marker}`);
      start = at + 1;
    }
    const items = this.generated.slice(start, start + max);
    const truncated = start + max < this.generated.length;
    return {
      status: 200,
      headers: {
        'content-type': 'text/xml',
        'x-amzn-requestid': context.requestId,
      },
      body: restXmlDocument('DistributionList', XMLNS, {
        Marker: marker,
        NextMarker: truncated ? items[items.length - 1].id : undefined,
        MaxItems: max,
        IsTruncated: truncated,
        Quantity: items.length,
        Items: items.length
          ? { DistributionSummary: items.map(distributionSummary) }
          : undefined,
      }),
    };
  }

  error(error: AwsError, requestId: string): FakeResponse {
    const known = ERRORS[error.code];
    const status = known?.status ?? error.status;
    return {
      status,
      headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
      body: restXmlDocument('ErrorResponse', XMLNS, {
        Error: {
          Type: status >= 500 ? 'Receiver' : 'Sender',
          Code: known?.code ?? error.code,
          Message: known?.message ?? error.message,
        },
        RequestId: requestId,
      }),
    };
  }
}

/** CloudFront's lists: `<Quantity>` and, when not empty, `<Items>`. */
const quantity = (name: string, items: Array<string | RestXmlNode>) =>
  items.length
    ? { Quantity: items.length, Items: { [name]: items } }
    : { Quantity: 0 };

function distributionSummary(d: FakeDistribution): RestXmlNode {
  const origins = d.origins.map((domain, i) => ({
    Id: `origin-${i}`,
    DomainName: domain,
    OriginPath: '',
    CustomHeaders: { Quantity: 0 },
    ...(domain.includes('.s3.')
      ? { S3OriginConfig: { OriginAccessIdentity: '' } }
      : {
          CustomOriginConfig: {
            HTTPPort: 80,
            HTTPSPort: 443,
            OriginProtocolPolicy: 'https-only',
          },
        }),
    ConnectionAttempts: 3,
    ConnectionTimeout: 10,
    OriginShield: { Enabled: false },
    OriginAccessControlId: '',
  }));
  return {
    Id: d.id,
    ARN: d.arn,
    Status: d.status,
    LastModifiedTime: d.lastModified,
    DomainName: d.domainName,
    Aliases: quantity('CNAME', d.aliases),
    Origins: quantity('Origin', origins),
    OriginGroups: { Quantity: 0 },
    DefaultCacheBehavior: {
      TargetOriginId: 'origin-0',
      TrustedSigners: { Enabled: false, Quantity: 0 },
      TrustedKeyGroups: { Enabled: false, Quantity: 0 },
      ViewerProtocolPolicy: 'redirect-to-https',
      AllowedMethods: {
        ...quantity('Method', ['HEAD', 'GET']),
        CachedMethods: quantity('Method', ['HEAD', 'GET']),
      },
      SmoothStreaming: false,
      Compress: true,
      LambdaFunctionAssociations: { Quantity: 0 },
      FunctionAssociations: { Quantity: 0 },
      FieldLevelEncryptionId: '',
      CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
    },
    CacheBehaviors: { Quantity: 0 },
    CustomErrorResponses: { Quantity: 0 },
    Comment: d.comment,
    PriceClass: d.priceClass,
    Enabled: d.enabled,
    ViewerCertificate: {
      CloudFrontDefaultCertificate: true,
      SSLSupportMethod: 'vip',
      MinimumProtocolVersion: 'TLSv1',
      CertificateSource: 'cloudfront',
    },
    Restrictions: { GeoRestriction: { RestrictionType: 'none', Quantity: 0 } },
    WebACLId: '',
    HttpVersion: 'HTTP2',
    IsIPV6Enabled: true,
    Staging: false,
  };
}

/**
 * `servicesPerRegion` distributions per region of the account, in front
 * of that region's generated buckets (even ones) and REST APIs (odd ones).
 */
function generateDistributions(context: AwsServiceContext): FakeDistribution[] {
  const { accountId } = context;
  return context.regionNames.flatMap((region, r) =>
    Array.from({ length: context.servicesPerRegion }, (_, n) => {
      const id = `E${seededId(`${accountId}/${region}/cdn/${n}`, 13, UPPER)}`;
      return {
        id,
        arn: `arn:aws:cloudfront::${accountId}:distribution/${id}`,
        domainName: `d${seededId(id, 13, LOWER)}.cloudfront.net`,
        status: n === 1 ? ('InProgress' as const) : ('Deployed' as const),
        enabled: n % 4 !== 3,
        comment: `${region} site ${n}`,
        aliases: n % 2 === 0 ? [`cdn-${n}.${region}.example.com`] : [],
        lastModified: new Date(
          GENERATED_AT + (r * 1000 + n) * 3_600_000,
        ).toISOString(),
        origins: [
          n % 2 === 0
            ? `${generatedBucketName(
                accountId,
                region,
                n,
              )}.s3.${region}.amazonaws.com`
            : `${generatedRestApiId(
                accountId,
                region,
                n,
              )}.execute-api.${region}.amazonaws.com`,
        ],
        priceClass: n % 2 ? 'PriceClass_100' : 'PriceClass_All',
      };
    }),
  );
}

export function createCloudfrontFake(): AwsServiceFake {
  return new FakeCloudFront();
}
