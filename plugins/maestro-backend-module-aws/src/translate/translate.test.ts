import type {
  DescribeInstancesCommandOutput,
  DescribeVolumesCommandOutput,
} from '@aws-sdk/client-ec2';
import { validateMaestroEntity } from '@maestro/plugin-maestro-common';
import instancesResponse from '../__fixtures__/describeInstances.json';
import volumesResponse from '../__fixtures__/describeVolumes.json';
import { instanceStatus, translateInstance } from './instance';
import { translateVolume } from './storage';

// Recorded responses (the AWS API reference's examples, as the SDK parses them).
const instances = (
  instancesResponse as unknown as DescribeInstancesCommandOutput
).Reservations!.flatMap(r => r.Instances!);
const volumes = (volumesResponse as unknown as DescribeVolumesCommandOutput)
  .Volumes!;
const context = { region: 'us-east-2' };

describe('translateInstance', () => {
  it('follows Maestro rules for a running instance', () => {
    const server = translateInstance(instances[0], context);
    expect(server.metadata).toEqual({
      name: 'i-1234567890abcdef0',
      title: 'my-instance',
      labels: { Name: 'my-instance', env: 'production' },
    });
    expect(server.spec).toEqual({
      hostname: 'my-instance',
      uniqueId: 'i-1234567890abcdef0',
      status: 'Active',
      active: true,
      ipv4Private: '10.0.0.157',
      ipv4Public: '34.253.223.13',
      cpu: 2,
      memory: 1,
      os: { base: 'Linux' },
      storage: [
        {
          name: '/dev/xvda',
          root: true,
          type: 'attached',
          volume: 'volume:default/vol-1234567890abcdef0',
        },
        {
          name: '/dev/sdf',
          root: false,
          type: 'attached',
          volume: 'volume:default/vol-0fedcba0987654321',
        },
      ],
      auth: [{ type: 'PKI', name: 'my-key-pair' }],
      datacenter: {
        provider: 'AWS',
        region: 'us-east-2',
        zone: 'us-east-2a',
        instanceId: 'i-1234567890abcdef0',
        instanceType: 't3.micro',
        imageId: 'ami-0abcdef1234567890',
        subnetId: 'subnet-04a636d18e83cfacb',
      },
      image: 'image:default/ami-0abcdef1234567890',
      networks: [
        'network:default/vpc-1234567890abcdef0',
        'network:default/subnet-04a636d18e83cfacb',
        'network:default/sg-1234567890abcdef0',
      ],
      tags: [
        { key: 'Name', value: 'my-instance' },
        { key: 'env', value: 'production' },
        { key: 'cost center', value: 'R&D / web' },
      ],
    });
    expect(validateMaestroEntity(server)).toEqual([]);
  });

  it('marks terminated instances inactive and keeps untagged ones named by id', () => {
    const server = translateInstance(instances[1], context);
    expect(server.metadata.title).toBe('i-0fedcba0987654321');
    expect(server.spec).toMatchObject({
      hostname: 'i-0fedcba0987654321',
      status: 'Stopped',
      active: false,
      cpu: 2,
      memory: 8,
      os: { base: 'Windows' },
    });
    expect(server.spec?.storage).toBeUndefined();
    expect(validateMaestroEntity(server)).toEqual([]);
  });

  it('leaves cpu and memory out for an unknown instance type', () => {
    const server = translateInstance(instances[2], context);
    expect(server.spec).toMatchObject({
      status: 'Stopped',
      active: true,
      hostname: 'ip-10-0-1-5.us-east-2.compute.internal',
    });
    expect(server.spec).not.toHaveProperty('cpu');
    expect(server.spec).not.toHaveProperty('memory');
  });

  it.each([
    ['pending', 'Active', true],
    ['running', 'Active', true],
    ['stopping', 'Stopped', true],
    ['stopped', 'Stopped', true],
    ['shutting-down', 'Stopped', false],
    ['terminated', 'Stopped', false],
  ])('maps state %s', (state, status, active) => {
    expect(instanceStatus(state)).toEqual({ status, active });
  });
});

describe('translateVolume', () => {
  it('relates an attached volume to its server', () => {
    const volume = translateVolume(volumes[0], { region: 'us-east-1' });
    expect(volume.metadata.name).toBe('vol-049df61146c4d7901');
    expect(volume.spec).toMatchObject({
      uniqueId: 'vol-049df61146c4d7901',
      server: 'server:default/i-1234567890abcdef0',
      device: '/dev/sda1',
      size: 8,
      volumeType: 'gp2',
      status: 'Active',
      datacenter: { provider: 'AWS', region: 'us-east-1', zone: 'us-east-1a' },
    });
    expect(validateMaestroEntity(volume)).toEqual([]);
  });

  it('keeps an available volume unattached, titled by its Name tag', () => {
    const volume = translateVolume(volumes[1], { region: 'us-east-1' });
    expect(volume.metadata.title).toBe('data disk');
    expect(volume.spec).not.toHaveProperty('server');
    expect(volume.spec).toMatchObject({ encrypted: true, iops: 1000 });
  });
});
