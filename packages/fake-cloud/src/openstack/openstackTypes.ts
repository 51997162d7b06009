/**
 * The resources of one region of the fake OpenStack cloud, kept in the
 * shape of the API references' response bodies (field names included), so
 * a listing only adds the links that depend on the request.
 */

export type NovaServerStatus =
  | 'ACTIVE'
  | 'BUILD'
  | 'ERROR'
  | 'PAUSED'
  | 'SHELVED_OFFLOADED'
  | 'SHUTOFF'
  | 'SOFT_DELETED'
  | 'SUSPENDED';

export interface NovaAddress {
  'OS-EXT-IPS-MAC:mac_addr': string;
  'OS-EXT-IPS:type': 'fixed' | 'floating';
  addr: string;
  version: 4 | 6;
}

/** A server of `GET /servers/detail`, without its links. */
export interface FakeServer {
  id: string;
  name: string;
  status: NovaServerStatus;
  'OS-EXT-STS:vm_state': string;
  'OS-EXT-STS:power_state': number;
  'OS-EXT-STS:task_state': string | null;
  'OS-EXT-AZ:availability_zone': string;
  'OS-SRV-USG:launched_at': string | null;
  'OS-SRV-USG:terminated_at': string | null;
  'OS-DCF:diskConfig': 'AUTO' | 'MANUAL';
  accessIPv4: string;
  accessIPv6: string;
  addresses: Record<string, NovaAddress[]>;
  config_drive: string;
  created: string;
  updated: string;
  /** The flavor's id; the body carries `{id, links}`. */
  flavorId: string;
  /** The image's id; empty for a server booted from a volume (body `""`). */
  imageId: string;
  hostId: string;
  key_name: string | null;
  metadata: Record<string, string>;
  /** Served from compute microversion 2.26. */
  tags: string[];
  /** Served from compute microversion 2.19. */
  description: string | null;
  'os-extended-volumes:volumes_attached': Array<{ id: string }>;
  progress: number;
  security_groups: Array<{ name: string }>;
  tenant_id: string;
  user_id: string;
}

/** A flavor of `GET /flavors/detail`, without its links. */
export interface FakeFlavor {
  id: string;
  name: string;
  vcpus: number;
  /** MiB. */
  ram: number;
  /** GiB. */
  disk: number;
  'OS-FLV-EXT-DATA:ephemeral': number;
  'OS-FLV-DISABLED:disabled': boolean;
  'os-flavor-access:is_public': boolean;
  /** MiB, or `""` for none (as Nova answers). */
  swap: number | '';
  rxtx_factor: number;
  description: string | null;
}

export interface CinderAttachment {
  id: string;
  attachment_id: string;
  volume_id: string;
  server_id: string;
  host_name: string | null;
  device: string;
  attached_at: string;
}

/** A volume of Cinder's `GET /volumes/detail`, without its links. */
export interface FakeVolume {
  id: string;
  name: string | null;
  description: string | null;
  status: string;
  size: number;
  availability_zone: string;
  bootable: 'true' | 'false';
  encrypted: boolean;
  multiattach: boolean;
  volume_type: string;
  snapshot_id: string | null;
  source_volid: string | null;
  attachments: CinderAttachment[];
  metadata: Record<string, string>;
  volume_image_metadata?: Record<string, string>;
  created_at: string;
  updated_at: string | null;
  user_id: string;
  'os-vol-tenant-attr:tenant_id': string;
  replication_status: string | null;
  consistencygroup_id: string | null;
  migration_status: string | null;
  group_id: string | null;
}

/** A snapshot of Cinder's `GET /snapshots/detail`. */
export interface FakeVolumeSnapshot {
  id: string;
  name: string | null;
  description: string | null;
  status: string;
  size: number;
  volume_id: string;
  metadata: Record<string, string>;
  created_at: string;
  updated_at: string | null;
  'os-extended-snapshot-attributes:progress': string;
  'os-extended-snapshot-attributes:project_id': string;
}

/** An image of Glance's `GET /v2/images` (custom properties at the top level). */
export interface FakeImage {
  id: string;
  name: string;
  status: string;
  visibility: 'public' | 'private' | 'shared' | 'community';
  container_format: string;
  disk_format: string;
  min_disk: number;
  min_ram: number;
  size: number;
  virtual_size: number | null;
  checksum: string;
  os_hash_algo: string;
  os_hash_value: string;
  os_hidden: boolean;
  protected: boolean;
  owner: string;
  tags: string[];
  created_at: string;
  updated_at: string;
  [property: string]: unknown;
}

/** Neutron's standard attributes, shared by every resource it serves. */
interface NeutronStandard {
  id: string;
  name: string;
  description: string;
  project_id: string;
  tenant_id: string;
  tags: string[];
  created_at: string;
  updated_at: string;
  revision_number: number;
}

export interface FakeNetwork extends NeutronStandard {
  admin_state_up: boolean;
  status: string;
  shared: boolean;
  'router:external': boolean;
  mtu: number;
  subnets: string[];
  availability_zones: string[];
  availability_zone_hints: string[];
  port_security_enabled: boolean;
  'provider:network_type'?: string;
  is_default: boolean;
}

export interface FakeSubnet extends NeutronStandard {
  network_id: string;
  ip_version: 4 | 6;
  cidr: string;
  gateway_ip: string | null;
  enable_dhcp: boolean;
  allocation_pools: Array<{ start: string; end: string }>;
  dns_nameservers: string[];
  host_routes: Array<{ destination: string; nexthop: string }>;
  ipv6_address_mode: string | null;
  ipv6_ra_mode: string | null;
  subnetpool_id: string | null;
  segment_id: string | null;
  service_types: string[];
}

export interface FakePort extends NeutronStandard {
  network_id: string;
  admin_state_up: boolean;
  status: string;
  mac_address: string;
  fixed_ips: Array<{ subnet_id: string; ip_address: string }>;
  device_id: string;
  device_owner: string;
  security_groups: string[];
  port_security_enabled: boolean;
  allowed_address_pairs: Array<{ ip_address: string; mac_address: string }>;
  'binding:vnic_type': string;
  dns_name: string;
}

export interface FakeRouter extends NeutronStandard {
  admin_state_up: boolean;
  status: string;
  external_gateway_info: {
    network_id: string;
    enable_snat: boolean;
    external_fixed_ips: Array<{ subnet_id: string; ip_address: string }>;
  } | null;
  routes: Array<{ destination: string; nexthop: string }>;
  distributed: boolean;
  ha: boolean;
  availability_zones: string[];
  availability_zone_hints: string[];
}

export interface FakeSecurityGroupRule {
  id: string;
  security_group_id: string;
  direction: 'ingress' | 'egress';
  ethertype: 'IPv4' | 'IPv6';
  protocol: string | null;
  port_range_min: number | null;
  port_range_max: number | null;
  remote_ip_prefix: string | null;
  remote_group_id: string | null;
  description: string;
  project_id: string;
  tenant_id: string;
  created_at: string;
  updated_at: string;
  revision_number: number;
}

export interface FakeSecurityGroup extends NeutronStandard {
  stateful: boolean;
  security_group_rules: FakeSecurityGroupRule[];
}

/** An Octavia load balancer of `GET /v2/lbaas/loadbalancers`. */
export interface FakeLoadBalancer {
  id: string;
  name: string;
  description: string;
  admin_state_up: boolean;
  provisioning_status: string;
  operating_status: string;
  provider: string;
  flavor_id: string | null;
  availability_zone: string | null;
  vip_address: string;
  vip_network_id: string;
  vip_subnet_id: string;
  vip_port_id: string;
  vip_qos_policy_id: string | null;
  additional_vips: Array<{ subnet_id: string; ip_address: string }>;
  listeners: Array<{ id: string }>;
  pools: Array<{ id: string }>;
  project_id: string;
  tags: string[];
  created_at: string;
  updated_at: string | null;
}

/** A member of `GET /v2/lbaas/pools/{pool_id}/members`. */
export interface FakeMember {
  id: string;
  name: string;
  address: string;
  protocol_port: number;
  subnet_id: string;
  weight: number;
  backup: boolean;
  admin_state_up: boolean;
  provisioning_status: string;
  operating_status: string;
  monitor_address: string | null;
  monitor_port: number | null;
  project_id: string;
  tags: string[];
  created_at: string;
  updated_at: string | null;
}

export interface FakePool {
  id: string;
  name: string;
  loadbalancerId: string;
  members: FakeMember[];
}

/** The ids of the fake project, its user, and the cloud's admin project. */
export interface ProjectIdentity {
  projectId: string;
  userId: string;
  adminProjectId: string;
}

export interface FakeOpenStackRegion {
  name: string;
  flavors: FakeFlavor[];
  servers: FakeServer[];
  volumes: FakeVolume[];
  snapshots: FakeVolumeSnapshot[];
  images: FakeImage[];
  networks: FakeNetwork[];
  subnets: FakeSubnet[];
  ports: FakePort[];
  routers: FakeRouter[];
  securityGroups: FakeSecurityGroup[];
  loadBalancers: FakeLoadBalancer[];
  pools: FakePool[];
}
