import type {
  FunctionConfiguration,
  LayersListItem,
} from '@aws-sdk/client-lambda';
import { DiscoveredEntity } from '@maestro/plugin-maestro-node';
import { compact } from './common';
import { listOrUndefined } from './managedResource';
import { AWS_PROVIDERS, resourceEntity, resourceRef } from './resourceEntity';

/** `arn:...:layer:name:3` -> the layer's ARN and name, without the version. */
export function layerOfVersion(versionArn: string) {
  const m = /^(arn:[^:]+:lambda:[^:]+:[^:]+:layer:([^:]+)):\d+$/.exec(
    versionArn,
  );
  return m ? { arn: m[1], name: m[2] } : undefined;
}

const FUNCTION_STATUS: Record<string, { status: string; active: boolean }> = {
  Active: { status: 'Active', active: true },
  Pending: { status: 'Active', active: true },
  Inactive: { status: 'Stopped', active: true },
  Failed: { status: 'Error', active: true },
};

/**
 * A Lambda function (ListFunctions) as a Serverless resource, depending on
 * its layers. Its environment variables are never read: they hold secrets.
 */
export function translateFunction(
  fn: FunctionConfiguration,
  region: string,
): DiscoveredEntity {
  // ListFunctions leaves State out; a function it lists is deployed.
  const state = FUNCTION_STATUS[fn.State ?? 'Active'] ?? {
    status: fn.State!,
    active: true,
  };
  const layers = (fn.Layers ?? [])
    .map(l =>
      l.Arn ? { version: l.Arn, layer: layerOfVersion(l.Arn) } : undefined,
    )
    .filter(
      (l): l is { version: string; layer: { arn: string; name: string } } =>
        Boolean(l?.layer),
    );
  const vpc = fn.VpcConfig?.VpcId ? fn.VpcConfig : undefined;
  return resourceEntity(
    {
      family: 'Serverless',
      provider: AWS_PROVIDERS.lambda,
      arn: fn.FunctionArn!,
      title: fn.FunctionName!,
      description: fn.Description,
      region,
      ...state,
    },
    {
      // Maestro 0.6 kept a function's sizing and entry point in its role.
      role: compact({
        handler: fn.Handler,
        memory: fn.MemorySize,
        timeout: fn.Timeout,
        runtime: fn.Runtime,
      }),
      dependencies: listOrUndefined(
        layers.map(l => ({
          target: resourceRef(l.layer.name, l.layer.arn),
          description: `layer version ${l.version.split(':').pop()}`,
        })),
      ),
      properties: compact({
        runtime: fn.Runtime,
        packageType: fn.PackageType,
        architectures: listOrUndefined(fn.Architectures ?? []),
        codeSize: fn.CodeSize,
        lastModified: fn.LastModified,
        executionRole: fn.Role,
        vpcId: vpc?.VpcId,
        subnetIds: listOrUndefined(vpc?.SubnetIds ?? []),
        securityGroupIds: listOrUndefined(vpc?.SecurityGroupIds ?? []),
      }),
    },
  );
}

/** A Lambda layer (ListLayers, with its latest version) as a Serverless resource. */
export function translateLayer(
  layer: LayersListItem,
  region: string,
): DiscoveredEntity {
  const latest = layer.LatestMatchingVersion;
  return resourceEntity(
    {
      family: 'Serverless',
      provider: AWS_PROVIDERS.lambdaLayer,
      arn: layer.LayerArn!,
      title: layer.LayerName!,
      description: latest?.Description,
      region,
      status: 'Active',
      active: true,
    },
    {
      properties: compact({
        latestVersion: latest?.Version,
        latestVersionArn: latest?.LayerVersionArn,
        createdDate: latest?.CreatedDate,
        compatibleRuntimes: listOrUndefined(latest?.CompatibleRuntimes ?? []),
        compatibleArchitectures: listOrUndefined(
          latest?.CompatibleArchitectures ?? [],
        ),
        license: latest?.LicenseInfo,
      }),
    },
  );
}
