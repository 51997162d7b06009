import {
  Entity,
  componentEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  makeValidator,
  resourceEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import {
  findFamily,
  validateMaestroEntity,
} from '@maestro/plugin-maestro-common';
import { translateMaestro06 } from './translate';
import {
  DEMO_COUNTS,
  DEMO_TOTAL,
  readDemoFiles,
} from '../../__testUtils__/demoData';

const demo = readDemoFiles();
const result = translateMaestro06(readDemoFiles());
const ofKind = (kind: string) => result.entities.filter(e => e.kind === kind);
const byTitle = (title: string) =>
  result.entities.find(e => e.metadata.title === title)!;
const refOf = (e: Entity) =>
  `${e.kind.toLowerCase()}:default/${e.metadata.name}`;
/** System "Hotsites" and application "Hotsites" share a title: look among apps. */
const appByName = (ref: string) =>
  result.entities.find(
    e =>
      ['Component', 'Resource'].includes(e.kind) &&
      e.metadata.title === ref.replace('#name::', ''),
  )!;

describe('translateMaestro06 on the demo export', () => {
  it('imports without errors', () => {
    expect(result.errors).toEqual([]);
  });

  it('makes one entity per document, and one Volume per #attach', () => {
    const attached = demo['servers.json']
      .flatMap((s: any) => s.storage)
      .filter((entry: string) => entry === '#attach').length;
    expect(attached).toBe(313);
    expect({
      Datacenter: ofKind('Datacenter').length,
      Server: ofKind('Server').length,
      Component: ofKind('Component').length,
      Resource: ofKind('Resource').length,
      System: ofKind('System').length,
      Client: ofKind('Client').length,
      Group: ofKind('Group').length,
      Network: ofKind('Network').length,
      Image: ofKind('Image').length,
      Snapshot: ofKind('Snapshot').length,
      Volume: ofKind('Volume').length,
    }).toEqual({ ...DEMO_COUNTS, Volume: attached });
    expect(result.entities).toHaveLength(DEMO_TOTAL);
  });

  it('keeps every edge of deps.json as a dependency with its protocol', () => {
    const webServer = byTitle('WebServer Maestro');
    expect(webServer.spec?.dependencies).toContainEqual({
      target: 'resource:default/db-mongodb',
      protocol: 'tcp',
    });
    let edges = 0;
    for (const [source, targets] of Object.entries<any[]>(demo['deps.json'])) {
      if (source === 'root') continue;
      const spec = appByName(source).spec as any;
      for (const { name, endpoint } of targets) {
        const targetRef = refOf(appByName(name));
        expect(spec.dependencies).toContainEqual({
          target: targetRef,
          protocol: endpoint,
        });
        expect(spec.dependsOn).toContain(targetRef);
        edges++;
      }
    }
    expect(edges).toBe(46);
  });

  it('returns the entry point that belongs to no system', () => {
    expect(result.entryPointsWithoutSystem).toEqual([
      'resource:default/lb-client-maestro-prd',
    ]);
  });

  it('makes Applications Components and other families Resources of their type', () => {
    for (const app of demo['apps.json']) {
      const entity = appByName(app.name);
      const isApplication = app.family === 'Application';
      expect([entity.kind, entity.spec?.type, entity.spec?.family]).toEqual([
        isApplication ? 'Component' : 'Resource',
        isApplication ? 'service' : findFamily(app.family)!.type,
        app.family,
      ]);
    }
    const oracle = byTitle('Oracle - ERP - Prd').spec as any;
    expect(oracle.database).toMatchObject({
      modal: 'oracle',
      dataguard: 'Primary',
      storageTypes: 'ASM',
    });
    expect(byTitle('ASM - Manager').spec?.database).toMatchObject({
      crsVersion: '123.00',
    });
    expect(byTitle('lb-client-maestro-prd').spec?.role).toEqual({
      endpoint: 'https://234k2j3b42j3b.awsendpoint.com',
      healthCheck: '/health',
    });
    expect(byTitle('WebServer Maestro').spec).toMatchObject({
      lifecycle: 'production',
      owner: 'group:default/sre-engineers',
      system: 'system:default/maestro-servers',
      role: { command: 'docker run -p 8888:8888 server-maestro', ports: 8888 },
    });
  });

  it('links applications to the servers they run on', () => {
    let links = 0;
    for (const server of demo['servers.json']) {
      for (const app of server.applications) {
        expect(appByName(app).spec?.servers).toContain(
          `server:default/${server.unique_id}`,
        );
        links++;
      }
    }
    const total = [...ofKind('Component'), ...ofKind('Resource')].reduce(
      (n, e) => n + ((e.spec?.servers as string[] | undefined)?.length ?? 0),
      0,
    );
    expect(total).toBe(links);
  });

  it('names servers by instance id and places them in a datacenter', () => {
    const datacenters = new Map(ofKind('Datacenter').map(d => [refOf(d), d]));
    for (const server of ofKind('Server')) {
      const spec = server.spec as any;
      expect(server.metadata.name).toBe(spec.uniqueId);
      expect(server.metadata.title).toBe(spec.hostname);
      const dc = datacenters.get(spec.datacenter.ref)!;
      expect(spec.datacenter.provider).toBe(dc.spec?.provider);
      expect(dc.spec?.regions).toContain(spec.datacenter.region);
      for (const disk of spec.storage) {
        expect(disk.size).toBeGreaterThanOrEqual(50);
        expect(disk.size).toBeLessThanOrEqual(1000);
      }
    }
    // On AWS the blueprint's sample instance id gives way to the server's own.
    const onAws = ofKind('Server').filter(
      s => (s.spec as any).datacenter.provider === 'AWS',
    );
    expect(onAws.length).toBeGreaterThan(0);
    for (const server of onAws) {
      expect(server.spec?.datacenter).toMatchObject({
        instanceId: server.spec?.uniqueId,
        instanceType: 't2.micro',
      });
    }
  });

  it('makes each #attach a Volume attached to its server, in the same place', () => {
    const servers = new Map(
      ofKind('Server').map(s => [refOf(s), s.spec as any]),
    );
    for (const volume of ofKind('Volume')) {
      const spec = volume.spec as any;
      const server = servers.get(spec.server)!;
      expect(volume.metadata.name).toMatch(/^vol-[0-9a-f]{17}$/);
      expect(server.storage).toContainEqual({
        name: spec.device,
        size: spec.size,
        type: 'attached',
        volume: refOf(volume),
      });
      expect(spec.datacenter.zone).toBe(server.datacenter.zone);
    }
  });

  it('produces only valid entities, for Maestro and for Backstage', async () => {
    const { isValidEntityName } = makeValidator();
    const backstageValidators: Record<
      string,
      { check(e: Entity): Promise<boolean> }
    > = {
      Component: componentEntityV1alpha1Validator,
      Resource: resourceEntityV1alpha1Validator,
      System: systemEntityV1alpha1Validator,
      Group: groupEntityV1alpha1Validator,
    };
    for (const entity of result.entities) {
      expect(validateMaestroEntity(entity)).toEqual([]);
      expect(isValidEntityName(entity.metadata.name)).toBe(true);
    }
    const backstageEntities = result.entities.filter(
      e => backstageValidators[e.kind],
    );
    expect(backstageEntities).toHaveLength(18 + 36 + 13 + 5);
    // The validators throw on an invalid entity, naming the field.
    const checks = await Promise.all(
      backstageEntities.map(e => backstageValidators[e.kind].check(e)),
    );
    expect(checks.every(Boolean)).toBe(true);
    const refs = result.entities.map(refOf);
    expect(new Set(refs).size).toBe(refs.length);
  });

  it('gives the same output on every run, whatever the order of the files', () => {
    const reordered = Object.fromEntries(
      Object.entries(readDemoFiles()).reverse(),
    );
    expect(JSON.stringify(translateMaestro06(reordered))).toBe(
      JSON.stringify(result),
    );
    const reseeded = translateMaestro06(readDemoFiles(), { seed: 7 });
    expect(JSON.stringify(reseeded)).not.toBe(JSON.stringify(result));
  });

  it('passes reports and analytics through untouched', () => {
    expect(result.saved.reports).toEqual(demo['reports.json']);
    expect(result.saved.analytics).toEqual(demo['analytics.json']);
  });

  it('translates cloud resources', () => {
    const snapshot = ofKind('Snapshot').find(
      s => s.spec?.uniqueId === 'snap-fef354d6',
    )!;
    expect(snapshot.spec).toMatchObject({
      volumeId: 'vol-7e194543',
      size: 216,
      startTime: new Date(1795607221600).toISOString(),
      ownerId: '735ba554856',
      datacenter: { ref: 'datacenter:default/aws-us-east-west' },
    });
    expect(ofKind('Image')[0].spec).toMatchObject({
      uniqueId: 'aki-f3c771b',
      imageType: 'kernel',
      public: true,
    });
    const types = new Set(ofKind('Network').map(n => n.spec?.type));
    expect([...types].sort()).toEqual([
      'network-acl',
      'network-interface',
      'route-table',
      'security-group',
      'subnet',
      'vpc',
      'vpc-peering',
    ]);
    expect(byTitle('sc-0d886c1b5').spec).toMatchObject({
      uniqueId: 'sg-35899300a3fa9f07d0eb',
    });
    expect(byTitle('subnet - f286f2c3a').spec).toMatchObject({
      cidr: '10.1.0.0/20',
    });
  });

  it('turns teams into Groups and systems into Systems with their clients', () => {
    expect(byTitle('SRE - Engineers')).toMatchObject({
      kind: 'Group',
      metadata: { name: 'sre-engineers' },
      spec: {
        type: 'team',
        children: [],
        profile: { email: 'maestro@team.com' },
      },
    });
    expect(byTitle('Maestro - WS').spec?.clients).toEqual([
      'client:default/maestro',
    ]);
  });
});

describe('translateMaestro06 on partial exports', () => {
  it('imports what is there', () => {
    expect(translateMaestro06({})).toEqual({
      entities: [],
      errors: [],
      saved: { reports: undefined, analytics: undefined },
      entryPointsWithoutSystem: [],
    });
    const only = translateMaestro06({
      'datacenters.json': demo['datacenters.json'],
    });
    expect(only.errors).toEqual([]);
    expect(only.entities).toHaveLength(5);
  });

  it('makes root applications entry points of their systems', () => {
    const out = translateMaestro06(
      {
        'system.json': [{ name: 'Shop' }],
        'apps.json': [
          { name: 'Shop Web', family: 'Application', system: ['#name::Shop'] },
        ],
        'deps.json': { root: [{ name: '#name::Shop Web', endpoint: 'http' }] },
      },
      { owner: 'group:default/shop-team' },
    );
    expect(out.errors).toEqual([]);
    const system = out.entities.find(e => e.kind === 'System')!;
    expect(system.spec).toEqual({
      owner: 'group:default/shop-team',
      entryPoints: ['component:default/shop-web'],
      clients: [],
    });
    expect(out.entryPointsWithoutSystem).toEqual([]);
  });

  it('keeps families Maestro does not list as Resources of the family slug', () => {
    const out = translateMaestro06({
      'apps.json': [{ name: 'Kafka Connect', family: 'Stream Processing' }],
    });
    expect(out.errors).toEqual([]);
    expect(out.entities[0]).toMatchObject({
      kind: 'Resource',
      spec: { type: 'stream-processing', family: 'Stream Processing' },
    });
  });

  it('gives colliding names a deterministic suffix', () => {
    const out = translateMaestro06({
      'clients.json': [{ name: 'ERP' }, { name: 'erp' }],
    });
    expect(out.entities.map(e => [e.metadata.name, e.metadata.title])).toEqual([
      ['erp', 'ERP'],
      ['erp-2', 'erp'],
    ]);
  });
});
