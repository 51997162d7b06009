import {
  DAY,
  DISTRIBUTIONS,
  EPOCH,
  SIZES,
  publicImage,
  regionObject,
  seededRandom,
} from './doCatalog';
import { cluster, firewall, loadBalancer } from './doServiceData';
import {
  DoCdnEndpoint,
  DoDroplet,
  DoFirewall,
  DoImage,
  DoKubernetesCluster,
  DoLoadBalancer,
  DoSnapshot,
  DoSpacesBucket,
  DoVolume,
} from './doTypes';

/** How much the generator makes; same options, same data. */
export interface DoGenerationOptions {
  /** Region slugs; default `['nyc3', 'ams3']`. Spaces buckets live in the same ones. */
  regions?: string[];
  /** Droplets per region (default 10): web, api, db and k8s worker droplets. */
  dropletsPerRegion?: number;
  /** Load balancers per region (default 1), routing to the web droplets. */
  loadBalancersPerRegion?: number;
  /** Kubernetes clusters per region (default 1); their nodes are the worker droplets. */
  clustersPerRegion?: number;
  /** Spaces buckets per region (default 2); the first gets a CDN endpoint. */
  bucketsPerRegion?: number;
  seed?: number;
}

/** Everything a fake DigitalOcean account holds. */
export interface DoAccountData {
  droplets: DoDroplet[];
  volumes: DoVolume[];
  snapshots: DoSnapshot[];
  /** Public distribution images and the account's own (snapshots, custom). */
  images: DoImage[];
  loadBalancers: DoLoadBalancer[];
  firewalls: DoFirewall[];
  clusters: DoKubernetesCluster[];
  cdnEndpoints: DoCdnEndpoint[];
  buckets: DoSpacesBucket[];
}

const ROLES = ['web', 'api', 'db', 'worker'];

/** Mostly active droplets, with every other status of the API among them. */
function dropletStatus(index: number): DoDroplet['status'] {
  if (index % 20 === 19) return 'archive';
  if (index % 10 === 7) return 'off';
  if (index % 10 === 9) return 'new';
  return 'active';
}

/** Generates a whole account, region by region, from the options. */
export function generateDoAccount(options: DoGenerationOptions): DoAccountData {
  const rnd = seededRandom(options.seed ?? 42);
  const pick = <T>(items: readonly T[]) =>
    items[Math.floor(rnd() * items.length)];
  const hex = (n: number) =>
    Array.from({ length: n }, () => Math.floor(rnd() * 16).toString(16)).join(
      '',
    );
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
  const at = (days: number) => new Date(EPOCH + days * DAY).toISOString();
  const publicIp = () =>
    `${104 + Math.floor(rnd() * 100)}.${Math.floor(rnd() * 256)}.${Math.floor(
      rnd() * 256,
    )}.${1 + Math.floor(rnd() * 254)}`;

  const regions = options.regions ?? ['nyc3', 'ams3'];
  const perRegion = options.dropletsPerRegion ?? 10;
  const data: DoAccountData = {
    droplets: [],
    volumes: [],
    snapshots: [],
    images: DISTRIBUTIONS.map(d => publicImage(d, regions)),
    loadBalancers: [],
    firewalls: [],
    clusters: [],
    cdnEndpoints: [],
    buckets: [],
  };
  let nextImageId = 170_000_000;

  regions.forEach((slug, ri) => {
    const region = regionObject(slug);
    const vpc = uuid();
    const droplets: DoDroplet[] = [];
    for (let j = 0; j < perRegion; j++) {
      const role = ROLES[j % ROLES.length];
      const s = pick(SIZES);
      const status = dropletStatus(j);
      const droplet: DoDroplet = {
        id: 400_000_000 + ri * 1_000_000 + j + 1,
        name: `${role}-${slug}-${String(j + 1).padStart(2, '0')}`,
        memory: s.memory,
        vcpus: s.vcpus,
        disk: s.disk,
        locked: false,
        status,
        kernel: null,
        created_at: at(j % 300),
        features: [
          'private_networking',
          'monitoring',
          ...(j % 2 ? ['backups'] : []),
        ],
        backup_ids: [],
        next_backup_window: null,
        snapshot_ids: [],
        image: data.images[Math.floor(rnd() * DISTRIBUTIONS.length)],
        volume_ids: [],
        size: { ...s, regions: [slug], available: true },
        size_slug: s.slug,
        networks: {
          v4: [
            {
              ip_address: `10.${100 + ri}.${Math.floor(j / 250)}.${
                (j % 250) + 2
              }`,
              netmask: '255.255.0.0',
              gateway: `10.${100 + ri}.0.1`,
              type: 'private',
            },
            ...(status === 'new'
              ? []
              : [
                  {
                    ip_address: publicIp(),
                    netmask: '255.255.240.0',
                    gateway: '0.0.0.0',
                    type: 'public' as const,
                  },
                ]),
          ],
          v6: [],
        },
        region,
        tags: [`env:${j % 3 === 2 ? 'staging' : 'production'}`, role],
        vpc_uuid: vpc,
      };
      droplets.push(droplet);

      if (j % 3 === 0) {
        const volume: DoVolume = {
          id: uuid(),
          region,
          droplet_ids: [droplet.id],
          name: `${droplet.name}-data`,
          description: `Data of ${droplet.name}`,
          size_gigabytes: 10 * (1 + Math.floor(rnd() * 50)),
          created_at: at((j % 300) + 1),
          filesystem_type: pick(['ext4', 'xfs']),
          filesystem_label: 'data',
          tags: [role],
        };
        droplet.volume_ids.push(volume.id);
        data.volumes.push(volume);
        if (j % 6 === 0) {
          data.snapshots.push({
            id: uuid(),
            name: `${volume.name}-nightly`,
            created_at: at((j % 300) + 30),
            regions: [slug],
            resource_id: volume.id,
            resource_type: 'volume',
            min_disk_size: volume.size_gigabytes,
            size_gigabytes: Math.round(volume.size_gigabytes * 0.3 * 100) / 100,
            tags: [],
          });
        }
      }
      if (j % 5 === 0) {
        // A droplet snapshot is an image of the account too (type snapshot).
        const id = nextImageId++;
        const name = `${droplet.name}-${1700000000000 + id}`;
        droplet.snapshot_ids.push(id);
        data.images.push({
          ...droplet.image,
          id,
          name,
          slug: null,
          public: false,
          regions: [slug],
          created_at: at((j % 300) + 20),
          type: 'snapshot',
          min_disk_size: droplet.disk,
          size_gigabytes: 3.1,
          description: '',
          tags: [],
        });
        data.snapshots.push({
          id: String(id),
          name,
          created_at: at((j % 300) + 20),
          regions: [slug],
          resource_id: String(droplet.id),
          resource_type: 'droplet',
          min_disk_size: droplet.disk,
          size_gigabytes: 3.1,
          tags: droplet.tags,
        });
      }
    }
    data.droplets.push(...droplets);
    // A volume nobody mounts.
    data.volumes.push({
      id: uuid(),
      region,
      droplet_ids: [],
      name: `spare-${slug}`,
      description: '',
      size_gigabytes: 100,
      created_at: at(5),
      filesystem_type: 'ext4',
      filesystem_label: '',
      tags: [],
    });
    data.images.push({
      ...data.images[0],
      id: nextImageId++,
      name: `golden-${slug}`,
      slug: null,
      public: false,
      regions: [slug],
      created_at: at(2),
      type: 'custom',
      description: 'Hardened base image',
      tags: ['golden'],
    });

    const web = droplets.filter(d => d.tags.includes('web'));
    for (let l = 0; l < (options.loadBalancersPerRegion ?? 1); l++) {
      data.loadBalancers.push(
        loadBalancer(
          uuid(),
          `lb-${slug}-${l + 1}`,
          region,
          vpc,
          web,
          publicIp(),
          at(3),
        ),
      );
    }
    data.firewalls.push(
      firewall(uuid(), `fw-${slug}-web`, web, data.loadBalancers, at(3)),
    );

    const workers = droplets.filter(d => d.tags.includes('worker'));
    for (let c = 0; c < (options.clustersPerRegion ?? 1); c++) {
      const id = uuid();
      workers.forEach(w => w.tags.push('k8s', `k8s:${id}`, 'k8s:worker'));
      data.clusters.push(
        cluster(
          id,
          `k8s-${slug}-${c + 1}`,
          slug,
          vpc,
          workers,
          publicIp(),
          at(4),
          uuid,
        ),
      );
    }

    for (let b = 0; b < (options.bucketsPerRegion ?? 2); b++) {
      const bucket: DoSpacesBucket = {
        name: `${['assets', 'backups', 'logs', 'media'][b % 4]}-${slug}${
          b >= 4 ? `-${b}` : ''
        }`,
        region: slug,
        creationDate: at(10 + b),
      };
      data.buckets.push(bucket);
      if (b === 0) {
        data.cdnEndpoints.push({
          id: uuid(),
          origin: `${bucket.name}.${slug}.digitaloceanspaces.com`,
          endpoint: `${bucket.name}.${slug}.cdn.digitaloceanspaces.com`,
          created_at: at(12),
          ...(ri === 0
            ? { custom_domain: 'static.example.com', certificate_id: uuid() }
            : {}),
          ttl: 3600,
        });
      }
    }
  });
  return data;
}
