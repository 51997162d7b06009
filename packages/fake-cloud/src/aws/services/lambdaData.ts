import { AwsServiceContext } from './types';
import { GENERATED_AT, seededId } from './serviceData';

/** A Lambda function of the fake account. */
export interface FakeFunction {
  name: string;
  arn: string;
  runtime: string;
  handler: string;
  /** Execution role ARN. */
  role: string;
  memorySize: number;
  timeout: number;
  codeSize: number;
  description: string;
  lastModified: string;
  architecture: 'x86_64' | 'arm64';
  /** Version ARNs of the layers it uses. */
  layers: string[];
  vpc?: { vpcId: string; subnetIds: string[]; securityGroupIds: string[] };
  /** Environment variables; a crawler must never record them. */
  environment: Record<string, string>;
}

/** A Lambda layer and how many versions it has (1..versions). */
export interface FakeLayer {
  name: string;
  arn: string;
  versions: number;
  runtimes: string[];
  createdAt: number;
}

const RUNTIMES = ['nodejs20.x', 'python3.12', 'java21', 'provided.al2023'];

/** Lambda writes dates as `2026-01-05T10:00:00.000+0000`. */
export const lambdaDate = (ms: number) =>
  new Date(ms).toISOString().replace('Z', '+0000');

export function generateLambdaRegion(context: AwsServiceContext) {
  const { regionName, accountId, region } = context;
  const regionIndex = Math.max(context.regionNames.indexOf(regionName), 0);
  const count = context.servicesPerRegion;
  const layers: FakeLayer[] = Array.from({ length: count }, (_, n) => ({
    name: `shared-libs-${n}`,
    arn: `arn:aws:lambda:${regionName}:${accountId}:layer:shared-libs-${n}`,
    versions: (n % 3) + 1,
    runtimes: [RUNTIMES[n % 2]],
    createdAt: GENERATED_AT + (regionIndex * 1000 + n) * 86_400_000,
  }));
  const subnet = region.subnets[0];
  const group = region.securityGroups[0];
  const functions: FakeFunction[] = Array.from({ length: count }, (_, n) => {
    const name = `orders-handler-${n}`;
    const layer = layers.length ? layers[n % layers.length] : undefined;
    return {
      name,
      arn: `arn:aws:lambda:${regionName}:${accountId}:function:${name}`,
      runtime: RUNTIMES[n % RUNTIMES.length],
      handler: n % 2 ? 'app.handler' : 'index.handler',
      role: `arn:aws:iam::${accountId}:role/lambda-exec`,
      memorySize: 128 * 2 ** (n % 4),
      timeout: 3 + n * 10,
      codeSize: 4096 + n * 512,
      description: `Handles orders (${n})`,
      lastModified: lambdaDate(
        GENERATED_AT + (regionIndex * 1000 + n) * 60_000,
      ),
      architecture: n % 2 ? 'arm64' : 'x86_64',
      layers: layer && n % 2 === 0 ? [`${layer.arn}:${layer.versions}`] : [],
      vpc:
        n % 2 === 1 && subnet && group
          ? {
              vpcId: subnet.vpcId,
              subnetIds: [subnet.subnetId],
              securityGroupIds: [group.groupId],
            }
          : undefined,
      environment: {
        STAGE: 'production',
        DB_PASSWORD: `not-to-be-recorded-${n}`,
      },
    };
  });
  return { functions, layers };
}

/** FunctionConfiguration as ListFunctions returns it (no State there). */
export function functionConfiguration(f: FakeFunction) {
  return {
    FunctionName: f.name,
    FunctionArn: f.arn,
    Runtime: f.runtime,
    Role: f.role,
    Handler: f.handler,
    CodeSize: f.codeSize,
    Description: f.description,
    Timeout: f.timeout,
    MemorySize: f.memorySize,
    LastModified: f.lastModified,
    CodeSha256: Buffer.from(seededId(f.arn, 32)).toString('base64'),
    Version: '$LATEST',
    VpcConfig: f.vpc
      ? {
          SubnetIds: f.vpc.subnetIds,
          SecurityGroupIds: f.vpc.securityGroupIds,
          VpcId: f.vpc.vpcId,
          Ipv6AllowedForDualStack: false,
        }
      : undefined,
    Environment: { Variables: f.environment },
    TracingConfig: { Mode: 'PassThrough' },
    RevisionId: seededId(`${f.arn}/revision`, 32),
    Layers: f.layers.length
      ? f.layers.map(arn => ({ Arn: arn, CodeSize: 2048 }))
      : undefined,
    PackageType: 'Zip',
    Architectures: [f.architecture],
    EphemeralStorage: { Size: 512 },
    SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
    LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${f.name}` },
  };
}

/** A LayerVersionsListItem. */
export function layerVersion(layer: FakeLayer, version: number) {
  return {
    LayerVersionArn: `${layer.arn}:${version}`,
    Version: version,
    Description: `${layer.name} v${version}`,
    CreatedDate: lambdaDate(layer.createdAt + version * 3_600_000),
    CompatibleRuntimes: layer.runtimes,
    LicenseInfo: 'MIT',
    CompatibleArchitectures: ['x86_64', 'arm64'],
  };
}
