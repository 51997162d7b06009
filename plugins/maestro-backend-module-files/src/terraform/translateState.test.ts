import fs from 'fs';
import path from 'path';
import { validateMaestroEntity } from '@maestro/plugin-maestro-common';
import { translateState } from './translateState';

const state = JSON.parse(
  fs.readFileSync(
    path.join(__dirname, '__fixtures__/aws-azure.tfstate.json'),
    'utf8',
  ),
);

describe('translateState', () => {
  const result = translateState(state, {
    datacenter: 'datacenter:default/aws-prod',
  });
  const byName = new Map(result.entities.map(e => [e.metadata.name, e]));

  it('reads every server, volume and snapshot, including module, count and for_each instances', () => {
    expect(result.errors).toEqual([]);
    expect(
      result.entities.map(e => `${e.kind}:${e.metadata.name}`).sort(),
    ).toEqual([
      'Server:6f1c2d3e-0000-4000-8000-000000000001',
      'Server:6f1c2d3e-0000-4000-8000-000000000002',
      'Server:i-0aaa000000000000a',
      'Server:i-0aaa000000000000b',
      'Server:i-0bbb00000000000ba',
      'Snapshot:snap-0eee000000000001',
      'Volume:logs-disk',
      'Volume:vol-0ddd0000000000001',
    ]);
    for (const entity of result.entities)
      expect(validateMaestroEntity(entity)).toEqual([]);
  });

  it('maps an AWS instance as Maestro does', () => {
    expect(byName.get('i-0aaa000000000000a')).toMatchObject({
      metadata: {
        title: 'web-0',
        labels: { name: 'web-0', team: 'Shop-Front' },
      },
      spec: {
        uniqueId: 'i-0aaa000000000000a',
        hostname: 'web-0',
        ipv4Private: '10.0.1.10',
        ipv4Public: '54.1.2.3',
        status: 'Active',
        auth: [{ type: 'PKI', name: 'deploy' }],
        terraformAddress: 'aws_instance.web[0]',
        datacenter: {
          ref: 'datacenter:default/aws-prod',
          provider: 'AWS',
          region: 'us-east-1',
          zone: 'us-east-1a',
          instanceId: 'i-0aaa000000000000a',
          instanceType: 't3.micro',
          imageId: 'ami-0abc1234',
          subnetId: 'subnet-0123',
        },
      },
    });
    expect(byName.get('i-0aaa000000000000b')!.spec).toMatchObject({
      status: 'Stopped',
    });
    expect(byName.get('i-0aaa000000000000b')!.spec!.ipv4Public).toBeUndefined();
    expect(byName.get('i-0bbb00000000000ba')!.spec).toMatchObject({
      hostname: 'ip-10-0-3-20.ec2.internal',
      terraformAddress: 'module.workers.aws_instance.worker["batch"]',
    });
  });

  it('attaches volumes and links snapshots to their volume', () => {
    expect(byName.get('vol-0ddd0000000000001')!.spec).toMatchObject({
      server: 'server:default/i-0aaa000000000000a',
      device: '/dev/sdf',
      size: 100,
      volumeType: 'gp3',
      encrypted: true,
    });
    expect(byName.get('snap-0eee000000000001')!.spec).toMatchObject({
      volume: 'volume:default/vol-0ddd0000000000001',
      size: 100,
    });
  });

  it('maps Azure virtual machines and managed disks', () => {
    expect(byName.get('6f1c2d3e-0000-4000-8000-000000000001')).toMatchObject({
      metadata: { title: 'api-eu' },
      spec: {
        hostname: 'api-eu',
        os: { base: 'Linux' },
        auth: [{ type: 'PKI', username: 'azureuser' }],
        datacenter: {
          provider: 'Azure',
          region: 'westeurope',
          instanceType: 'Standard_B2s',
        },
        terraformAddress:
          'module.azure.azurerm_linux_virtual_machine.api["eu"]',
      },
    });
    expect(
      byName.get('6f1c2d3e-0000-4000-8000-000000000002')!.spec,
    ).toMatchObject({
      os: { base: 'Windows' },
      auth: [{ type: 'Password', username: 'admin' }],
    });
    expect(byName.get('logs-disk')!.spec).toMatchObject({
      size: 256,
      volumeType: 'Premium_LRS',
    });
  });

  it('skips and counts resource types it does not read, ignores data sources', () => {
    expect(result.skipped).toEqual([
      {
        location: 'resources[6]',
        reason: 'aws_s3_bucket is not inventory Maestro reads',
      },
    ]);
  });

  it('refuses another state format version, naming the field', () => {
    expect(translateState({ version: 3, modules: [] }).errors).toEqual([
      {
        location: 'version',
        message:
          'is 3: only state format version 4 (Terraform 0.12 and later) is read',
      },
    ]);
  });

  it('names the JSON path of wrong types', () => {
    const broken = structuredClone(state);
    broken.resources[1].instances[1].attributes.id = 42;
    broken.resources[3].instances = 'nope';
    expect(translateState(broken).errors).toEqual([
      {
        location: 'resources[3]',
        message: 'must have a type and an instances array',
      },
      {
        location: 'resources[1].instances[1].attributes.id',
        message: 'must be a non-empty string',
      },
    ]);
  });
});
