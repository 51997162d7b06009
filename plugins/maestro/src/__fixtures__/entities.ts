import { Entity } from '@backstage/catalog-model';

/** A server as the Maestro 0.6 demo set has them, after import. */
export const demoServer: Entity = {
  apiVersion: 'maestroserver.io/v1alpha1',
  kind: 'Server',
  metadata: {
    name: 'i-0abc123',
    namespace: 'default',
    title: 'web-01',
    annotations: { 'backstage.io/managed-by-location': 'maestro:store' },
  },
  spec: {
    owner: 'group:default/ops',
    hostname: 'web-01.maestro.local',
    ipv4Private: '10.168.1.10',
    ipv4Public: '54.12.3.4',
    os: { base: 'Linux', dist: 'Ubuntu', version: '22.04' },
    cpu: 4,
    memory: 16,
    environment: 'Production',
    role: 'Application',
    status: 'Active',
    active: true,
    datacenter: {
      ref: 'datacenter:default/aws-us-east',
      provider: 'AWS',
      region: 'us-east-1',
      zone: 'us-east-1a',
      instanceId: 'i-0abc123',
      instanceType: 't3.xlarge',
    },
    storage: [
      {
        name: '/dev/xvda',
        size: 30,
        root: true,
        type: 'built-in',
        fileType: 'ext4',
      },
      {
        name: '/dev/xvdf',
        size: 200,
        type: 'attached',
        volume: 'volume:default/vol-0data',
        fileType: 'xfs',
        lvm: { enabled: true, pv: '/dev/xvdf', vg: 'data' },
      },
    ],
    auth: [{ type: 'PKI', name: 'ops-key', username: 'ubuntu' }],
    services: [{ name: 'Nginx', version: '1.24' }],
    tags: [{ key: 'team', value: 'web' }],
  },
};

export const demoDatacenter: Entity = {
  apiVersion: 'maestroserver.io/v1alpha1',
  kind: 'Datacenter',
  metadata: { name: 'aws-us-east', title: 'AWS US East' },
  spec: {
    provider: 'AWS',
    regions: ['us-east-1'],
    zones: ['us-east-1a', 'us-east-1b'],
  },
};

export const demoApplication: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'webserver-maestro',
    annotations: { 'backstage.io/managed-by-location': 'maestro:store' },
  },
  spec: {
    type: 'service',
    family: 'Application',
    lifecycle: 'production',
    owner: 'group:default/ops',
    language: 'Python',
    servers: ['server:default/i-0abc123'],
    dependencies: [
      { target: 'resource:default/db-mongodb', protocol: 'tcp/ip' },
    ],
  },
};

/** A Component from a repository's catalog-info.yaml: not Maestro's. */
export const repositoryComponent: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'docs-site',
    annotations: {
      'backstage.io/managed-by-location':
        'url:https://github.com/acme/docs-site/blob/main/catalog-info.yaml',
    },
  },
  spec: {
    type: 'website',
    lifecycle: 'production',
    owner: 'group:default/docs',
  },
};
