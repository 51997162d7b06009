import fs from 'node:fs';
import path from 'node:path';
import {
  Entity,
  componentEntityV1alpha1Validator,
  entityEnvelopeSchemaValidator,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  stringifyEntityRef,
  systemEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import {
  CatalogProcessorResult,
  parseEntityYaml,
} from '@backstage/plugin-catalog-node';
import { MaestroEntityProcessor } from './MaestroEntityProcessor';

const examplesDir = path.resolve(__dirname, '../../examples');
const location = {
  type: 'url',
  target: 'https://example.com/catalog-info.yaml',
};

/** Reads an example file with the catalog's own YAML parser. */
function loadExample(file: string): Entity[] {
  const target = path.join(examplesDir, file);
  const results = [
    ...parseEntityYaml(fs.readFileSync(target), { type: 'file', target }),
  ];
  return results.map(result => {
    if (result.type !== 'entity') {
      throw new Error(`${file} does not parse: ${JSON.stringify(result)}`);
    }
    return result.entity;
  });
}

const exampleFiles = fs
  .readdirSync(examplesDir)
  .filter(file => file.endsWith('.yaml') && file !== 'all.yaml');
const examples = exampleFiles.flatMap(loadExample);

async function process(entity: Entity) {
  const processor = new MaestroEntityProcessor();
  const results: CatalogProcessorResult[] = [];
  await processor.postProcessEntity(entity, location, r => results.push(r));
  const relations = results.flatMap(r =>
    r.type === 'relation'
      ? [
          `${stringifyEntityRef(r.relation.source)} ${
            r.relation.type
          } ${stringifyEntityRef(r.relation.target)}`,
        ]
      : [],
  );
  const errors = results.flatMap(r => (r.type === 'error' ? [r.error] : []));
  return { relations, errors };
}

function example(ref: string): Entity {
  const found = examples.find(e => stringifyEntityRef(e) === ref);
  if (!found) throw new Error(`no example ${ref}`);
  return structuredClone(found);
}

/** Both directions of a relation pair, as `source type target` lines. */
function pair(
  source: string,
  forward: string,
  reverse: string,
  target: string,
) {
  return [`${source} ${forward} ${target}`, `${target} ${reverse} ${source}`];
}

/**
 * A relation to an entity shared by many: the member emits the outgoing one
 * only; the shared entity gathers the reverse (SharedTargetRelations.test).
 */
function toShared(source: string, forward: string, target: string) {
  return [`${source} ${forward} ${target}`];
}

const OPS = 'group:default/example-ops';
const DC = 'datacenter:default/example-dc';
const APP_SERVER = 'server:default/example-app-server';
const DB_SERVER = 'server:default/example-db-server';

describe('MaestroEntityProcessor', () => {
  const processor = new MaestroEntityProcessor();

  describe('examples', () => {
    it('has one file per kind and a Location listing them all', async () => {
      const kinds = new Set(examples.map(e => e.kind));
      expect([...kinds].sort()).toEqual(
        [
          'Client',
          'Component',
          'Datacenter',
          'Flavor',
          'Group',
          'Image',
          'Network',
          'Resource',
          'Server',
          'Snapshot',
          'System',
          'Volume',
        ].sort(),
      );
      const [all] = loadExample('all.yaml');
      await expect(locationEntityV1alpha1Validator.check(all)).resolves.toBe(
        true,
      );
      expect(
        (all.spec!.targets as string[]).map(t => t.replace('./', '')).sort(),
      ).toEqual([...exampleFiles].sort());
    });

    const backstageKinds = ['Component', 'Resource', 'System', 'Group'];
    const ownKindExamples = examples.filter(
      e => !backstageKinds.includes(e.kind),
    );
    const backstageKindExamples = examples.filter(e =>
      backstageKinds.includes(e.kind),
    );

    it.each(examples.map(e => [stringifyEntityRef(e), e]))(
      '%s has a valid envelope, an example- name and no broken refs',
      async (_ref, entity) => {
        expect(() => entityEnvelopeSchemaValidator()(entity)).not.toThrow();
        expect(entity.metadata.name).toMatch(/^example-/);
        const { errors } = await process(entity);
        expect(errors).toEqual([]);
      },
    );

    it.each(ownKindExamples.map(e => [stringifyEntityRef(e), e]))(
      '%s is claimed as a valid Maestro kind',
      async (_ref, entity) => {
        await expect(processor.validateEntityKind(entity)).resolves.toBe(true);
      },
    );

    it.each(backstageKindExamples.map(e => [stringifyEntityRef(e), e]))(
      "%s is left to Backstage's validation, which accepts it",
      async (_ref, entity) => {
        await expect(processor.validateEntityKind(entity)).resolves.toBe(false);
        const checks = await Promise.all(
          [
            componentEntityV1alpha1Validator,
            resourceEntityV1alpha1Validator,
            systemEntityV1alpha1Validator,
            groupEntityV1alpha1Validator,
          ].map(validator => validator.check(entity)),
        );
        expect(checks).toContain(true);
      },
    );

    it('only references entities the example site declares', async () => {
      const declared = new Set(examples.map(e => stringifyEntityRef(e)));
      for (const entity of examples) {
        const { relations } = await process(entity);
        for (const line of relations) {
          const [source, , target] = line.split(' ');
          expect(declared).toContain(source);
          expect(declared).toContain(target);
        }
      }
    });
  });

  describe('relations', () => {
    it.each<[string, string[]]>([
      [DC, [...toShared(DC, 'ownedBy', OPS)]],
      [
        APP_SERVER,
        [
          ...toShared(APP_SERVER, 'ownedBy', OPS),
          ...toShared(APP_SERVER, 'locatedIn', DC),
          ...toShared(
            APP_SERVER,
            'builtFrom',
            'image:default/example-ubuntu-image',
          ),
          ...toShared(
            APP_SERVER,
            'ofFlavor',
            'flavor:default/example-t3-large',
          ),
          ...toShared(
            APP_SERVER,
            'inNetwork',
            'network:default/example-subnet',
          ),
        ],
      ],
      [
        'volume:default/example-db-volume',
        [
          ...toShared('volume:default/example-db-volume', 'ownedBy', OPS),
          ...toShared('volume:default/example-db-volume', 'locatedIn', DC),
          ...pair(
            'volume:default/example-db-volume',
            'attachedTo',
            'hasAttached',
            DB_SERVER,
          ),
        ],
      ],
      [
        'snapshot:default/example-db-volume-snapshot',
        [
          ...toShared(
            'snapshot:default/example-db-volume-snapshot',
            'ownedBy',
            OPS,
          ),
          ...toShared(
            'snapshot:default/example-db-volume-snapshot',
            'locatedIn',
            DC,
          ),
          ...pair(
            'snapshot:default/example-db-volume-snapshot',
            'snapshotOf',
            'hasSnapshot',
            'volume:default/example-db-volume',
          ),
        ],
      ],
      [
        'network:default/example-subnet',
        [
          ...toShared('network:default/example-subnet', 'ownedBy', OPS),
          ...toShared('network:default/example-subnet', 'locatedIn', DC),
          ...toShared(
            'network:default/example-subnet',
            'inNetwork',
            'network:default/example-vpc',
          ),
        ],
      ],
      [
        'client:default/example-retail-client',
        [...toShared('client:default/example-retail-client', 'ownedBy', OPS)],
      ],
      [
        'system:default/example-shop',
        [
          ...pair(
            'system:default/example-shop',
            'serves',
            'servedBy',
            'client:default/example-retail-client',
          ),
          ...pair(
            'component:default/example-webshop',
            'entryPointOf',
            'hasEntryPoint',
            'system:default/example-shop',
          ).reverse(),
        ],
      ],
      [
        'component:default/example-webshop',
        [
          // ownedBy and partOf spec.system are emitted by Backstage's builtin processor.
          ...toShared('component:default/example-webshop', 'locatedIn', DC),
          ...pair(
            'component:default/example-webshop',
            'runsOn',
            'hosts',
            APP_SERVER,
          ),
          ...pair(
            'component:default/example-webshop',
            'dependsOn',
            'dependencyOf',
            'resource:default/example-shop-db',
          ),
        ],
      ],
      [
        'resource:default/example-shop-db',
        [
          ...toShared('resource:default/example-shop-db', 'locatedIn', DC),
          ...pair(
            'resource:default/example-shop-db',
            'runsOn',
            'hosts',
            DB_SERVER,
          ),
        ],
      ],
    ])('%s yields its relation pairs', async (ref, expected) => {
      const { relations, errors } = await process(example(ref));
      expect(errors).toEqual([]);
      expect(relations.sort()).toEqual([...expected].sort());
    });

    it('emits no relation for a plain Group', async () => {
      expect(await process(example('group:default/example-ops'))).toEqual({
        relations: [],
        errors: [],
      });
    });

    it('resolves refs without kind or namespace from the field and the entity', async () => {
      const server = example(APP_SERVER);
      server.metadata.namespace = 'shop';
      server.spec!.image = 'example-ubuntu-image';
      server.spec!.networks = ['default/example-subnet'];
      const { relations } = await process(server);
      expect(relations).toContain(
        'server:shop/example-app-server builtFrom image:shop/example-ubuntu-image',
      );
      expect(relations).toContain(
        'server:shop/example-app-server inNetwork network:default/example-subnet',
      );
    });

    it('leaves systems and dependencies that Backstage handles to Backstage', async () => {
      const app = example('component:default/example-webshop');
      app.spec!.systems = ['example-shop', 'system:default/example-backoffice'];
      app.spec!.dependsOn = ['resource:default/example-shop-db'];
      app.spec!.dependencies = [
        { target: 'resource:default/example-shop-db', protocol: 'tcp/ip' },
        { target: 'component:default/example-payments', protocol: 'rest' },
      ];
      const { relations } = await process(app);
      expect(
        relations
          .filter(r => / (partOf|hasPart|dependsOn|dependencyOf) /.test(r))
          .sort(),
      ).toEqual(
        [
          ...pair(
            'component:default/example-webshop',
            'partOf',
            'hasPart',
            'system:default/example-backoffice',
          ),
          ...pair(
            'component:default/example-webshop',
            'dependsOn',
            'dependencyOf',
            'component:default/example-payments',
          ),
        ].sort(),
      );
    });

    it('emits routesTo for the targets of a load balancer', async () => {
      const lb: Entity = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: { name: 'example-lb' },
        spec: {
          type: 'load-balancer',
          family: 'Loadbalance',
          owner: OPS,
          targets: ['component:default/example-webshop', APP_SERVER],
        },
      };
      expect(await processor.validateEntityKind(lb)).toBe(false);
      const { relations } = await process(lb);
      expect(relations.sort()).toEqual(
        [
          ...pair(
            'resource:default/example-lb',
            'routesTo',
            'routedFrom',
            'component:default/example-webshop',
          ),
          ...pair(
            'resource:default/example-lb',
            'routesTo',
            'routedFrom',
            APP_SERVER,
          ),
        ].sort(),
      );
    });

    it('reports a malformed ref as an error naming the field and keeps the others', async () => {
      const server = example(APP_SERVER);
      server.spec!.networks = ['network:default/example-subnet', 'network:'];
      server.spec!.flavor = 'flavor:default/not/a/name';
      const { relations, errors } = await process(server);
      expect(errors.map(e => e.message)).toEqual([
        expect.stringContaining('spec.flavor is not a valid entity reference'),
        expect.stringContaining(
          'spec.networks[1] is not a valid entity reference',
        ),
      ]);
      expect(errors.every(e => e.name === 'InputError')).toBe(true);
      expect(relations).toContain(
        `${APP_SERVER} inNetwork network:default/example-subnet`,
      );
      expect(relations).toContain(
        `${APP_SERVER} builtFrom image:default/example-ubuntu-image`,
      );
    });

    it('reports a dependency without a kind', async () => {
      const app = example('component:default/example-webshop');
      app.spec!.dependencies = [
        { target: 'example-shop-db', protocol: 'tcp/ip' },
      ];
      const { errors } = await process(app);
      expect(errors.map(e => e.message)).toEqual([
        expect.stringMatching(
          /^spec\.dependencies\[0\]\.target is not a valid entity reference: .*missing or empty kind/,
        ),
      ]);
    });
  });

  describe('validation', () => {
    it('rejects a server without hostname, naming the field', async () => {
      const server = example(APP_SERVER);
      delete server.spec!.hostname;
      await expect(processor.validateEntityKind(server)).rejects.toThrow(
        /spec\.hostname is required/,
      );
    });

    it('rejects a bad IPv4 address, naming the field', async () => {
      const server = example(APP_SERVER);
      server.spec!.ipv4Private = '10.20.1.300';
      await expect(processor.validateEntityKind(server)).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringContaining('spec.ipv4Private'),
      });
    });

    it('names every bad field at once', async () => {
      const server = example(APP_SERVER);
      delete server.spec!.hostname;
      server.spec!.ipv4Public = 'not-an-ip';
      server.spec!.cpu = -1;
      const error = await processor.validateEntityKind(server).catch(e => e);
      expect(error.message).toContain('server:default/example-app-server');
      expect(error.message).toContain('spec.hostname');
      expect(error.message).toContain('spec.ipv4Public');
      expect(error.message).toContain('spec.cpu');
    });

    it('rejects a Maestro kind with a wrong apiVersion, naming the field', async () => {
      const datacenter = example(DC);
      datacenter.apiVersion = 'backstage.io/v1alpha1';
      await expect(processor.validateEntityKind(datacenter)).rejects.toThrow(
        /apiVersion must be one of maestroserver\.io\/v1alpha1/,
      );
    });

    it('rejects bad Maestro fields of a Component', async () => {
      const app = example('component:default/example-webshop');
      app.spec!.servers = 'server:default/example-app-server';
      app.spec!.dependencies = [{ protocol: 'rest' }];
      const error = await processor.validateEntityKind(app).catch(e => e);
      expect(error).toBeInstanceOf(Error);
      expect(error.message).toContain('spec.servers');
      expect(error.message).toContain('spec.dependencies.0.target');
    });

    it('ignores Components, Resources and Systems without Maestro fields', async () => {
      const plain: Entity = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'plain' },
        spec: { type: 'website', lifecycle: 'production', owner: 'guests' },
      };
      await expect(processor.validateEntityKind(plain)).resolves.toBe(false);
      const broken = { ...plain, spec: { type: 'website' } };
      // Backstage's own validator reports what a plain Component lacks.
      await expect(processor.validateEntityKind(broken)).resolves.toBe(false);
    });

    it('ignores kinds it does not know', async () => {
      await expect(
        processor.validateEntityKind({
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'API',
          metadata: { name: 'x' },
          spec: {},
        }),
      ).resolves.toBe(false);
    });
  });
});
