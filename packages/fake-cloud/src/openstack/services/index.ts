import { CatalogService } from '../keystone';
import { blockStorageService } from './blockStorage';
import { computeService } from './compute';
import { imageService } from './image';
import { loadBalancerService } from './loadBalancer';
import { networkService } from './network';
import { FakeOpenStackService } from './types';

/** The services the fake serves below `/<interface>/<region>/<segment>`. */
export const SERVICES: FakeOpenStackService[] = [
  computeService,
  blockStorageService,
  imageService,
  networkService,
  loadBalancerService,
];

/**
 * The catalog's services, their endpoints pointing back at the fake
 * (`origin` is where the client reached it): Keystone, then every service
 * not left out.
 */
export function catalogServices(
  origin: string,
  projectId: string,
  omitted: Set<string>,
): CatalogService[] {
  const at =
    (service: FakeOpenStackService) => (region: string, iface: string) =>
      `${origin}/${iface}/${encodeURIComponent(region)}/${
        service.segment
      }${service.endpointSuffix(projectId)}`;
  const services: CatalogService[] = [
    { type: 'identity', name: 'keystone', url: () => `${origin}/identity` },
  ];
  for (const service of SERVICES) {
    if (omitted.has(service.type)) continue;
    services.push({ type: service.type, name: service.name, url: at(service) });
    // DevStack still registers Cinder under its older type as well.
    if (service.type === 'block-storage') {
      services.push({ type: 'volumev3', name: 'cinderv3', url: at(service) });
    }
  }
  return services;
}
