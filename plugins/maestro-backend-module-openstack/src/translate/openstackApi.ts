/**
 * The parts of the OpenStack API bodies Maestro reads, as the API
 * references name them. Fields a deployment may leave out are optional.
 */

type Metadata = Record<string, string>;

export interface NovaAddress {
  addr: string;
  version: number;
  'OS-EXT-IPS:type'?: 'fixed' | 'floating';
  'OS-EXT-IPS-MAC:mac_addr'?: string;
}

/** `GET /servers/detail`; `flavor` carries `id` before microversion 2.47, the flavor itself after. */
export interface NovaServer {
  id: string;
  name?: string;
  status?: string;
  addresses?: Record<string, NovaAddress[]>;
  accessIPv4?: string;
  flavor?: {
    id?: string;
    original_name?: string;
    vcpus?: number;
    ram?: number;
    disk?: number;
  };
  image?: { id?: string } | '' | null;
  key_name?: string | null;
  metadata?: Metadata | null;
  tags?: string[];
  'OS-EXT-AZ:availability_zone'?: string;
  'OS-EXT-SRV-ATTR:hostname'?: string;
  'os-extended-volumes:volumes_attached'?: Array<{ id: string }>;
  security_groups?: Array<{ name: string }>;
  tenant_id?: string;
  hostId?: string;
  created?: string;
}

export interface NovaFlavor {
  id: string;
  name: string;
  vcpus?: number;
  /** MiB. */
  ram?: number;
  /** GiB. */
  disk?: number;
  'OS-FLV-EXT-DATA:ephemeral'?: number;
  'OS-FLV-DISABLED:disabled'?: boolean;
  'os-flavor-access:is_public'?: boolean;
  swap?: number | '';
  rxtx_factor?: number;
  description?: string | null;
}

export interface CinderVolume {
  id: string;
  name?: string | null;
  description?: string | null;
  status?: string;
  size?: number;
  availability_zone?: string;
  bootable?: string | boolean;
  encrypted?: boolean;
  multiattach?: boolean;
  volume_type?: string | null;
  snapshot_id?: string | null;
  source_volid?: string | null;
  attachments?: Array<{
    server_id?: string;
    device?: string;
    attachment_id?: string;
  }>;
  metadata?: Metadata | null;
  created_at?: string;
}

export interface CinderSnapshot {
  id: string;
  name?: string | null;
  description?: string | null;
  status?: string;
  size?: number;
  volume_id?: string;
  metadata?: Metadata | null;
  created_at?: string;
  'os-extended-snapshot-attributes:progress'?: string;
  'os-extended-snapshot-attributes:project_id'?: string;
}

/** `GET /v2/images`: custom properties (os_distro...) sit at the top level. */
export interface GlanceImage {
  id: string;
  name?: string | null;
  status?: string;
  visibility?: string;
  disk_format?: string | null;
  container_format?: string | null;
  size?: number | null;
  min_disk?: number;
  min_ram?: number;
  owner?: string;
  protected?: boolean;
  tags?: string[];
  created_at?: string;
  architecture?: string;
  hypervisor_type?: string;
  os_distro?: string;
  os_version?: string;
}

interface NeutronResource {
  id: string;
  name?: string;
  description?: string;
  status?: string;
  tags?: string[];
  project_id?: string;
}

export interface NeutronNetwork extends NeutronResource {
  admin_state_up?: boolean;
  shared?: boolean;
  'router:external'?: boolean;
  mtu?: number;
  subnets?: string[];
  availability_zones?: string[];
  'provider:network_type'?: string;
}

export interface NeutronSubnet extends NeutronResource {
  network_id?: string;
  ip_version?: number;
  cidr?: string;
  gateway_ip?: string | null;
  enable_dhcp?: boolean;
  allocation_pools?: Array<{ start: string; end: string }>;
  dns_nameservers?: string[];
}

export interface NeutronPort extends NeutronResource {
  network_id?: string;
  mac_address?: string;
  fixed_ips?: Array<{ subnet_id: string; ip_address: string }>;
  device_id?: string;
  device_owner?: string;
  security_groups?: string[];
  admin_state_up?: boolean;
}

export interface NeutronRouter extends NeutronResource {
  admin_state_up?: boolean;
  external_gateway_info?: {
    network_id?: string;
    enable_snat?: boolean;
    external_fixed_ips?: Array<{ subnet_id: string; ip_address: string }>;
  } | null;
  routes?: Array<{ destination: string; nexthop: string }>;
  ha?: boolean;
  distributed?: boolean;
}

export interface NeutronSecurityGroupRule {
  direction: 'ingress' | 'egress';
  ethertype?: string;
  protocol?: string | null;
  port_range_min?: number | null;
  port_range_max?: number | null;
  remote_ip_prefix?: string | null;
  remote_group_id?: string | null;
}

export interface NeutronSecurityGroup extends NeutronResource {
  stateful?: boolean;
  security_group_rules?: NeutronSecurityGroupRule[];
}

export interface OctaviaLoadBalancer {
  id: string;
  name?: string;
  description?: string;
  provisioning_status?: string;
  operating_status?: string;
  provider?: string;
  vip_address?: string;
  vip_network_id?: string;
  vip_subnet_id?: string;
  vip_port_id?: string;
  availability_zone?: string | null;
  flavor_id?: string | null;
  listeners?: Array<{ id: string }>;
  pools?: Array<{ id: string }>;
  tags?: string[];
}

export interface OctaviaMember {
  id: string;
  name?: string;
  address: string;
  protocol_port?: number;
  subnet_id?: string | null;
  weight?: number;
  operating_status?: string;
}
