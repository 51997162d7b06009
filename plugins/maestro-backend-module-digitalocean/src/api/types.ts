/**
 * The parts of DigitalOcean API v2 objects that Maestro reads, named as the
 * API reference names them. Fields the API may leave out are optional.
 */

export interface DoRegion {
  name?: string;
  slug: string;
}

export interface DoImage {
  id: number;
  name?: string;
  distribution?: string;
  slug?: string | null;
  public?: boolean;
  regions?: string[];
  created_at?: string;
  type?: string;
  min_disk_size?: number;
  size_gigabytes?: number;
  description?: string;
  tags?: string[] | null;
  status?: string;
}

export interface DoDroplet {
  id: number;
  name: string;
  memory?: number;
  vcpus?: number;
  disk?: number;
  status?: string;
  created_at?: string;
  features?: string[];
  image?: DoImage;
  volume_ids?: string[];
  size_slug?: string;
  networks?: {
    v4?: Array<{ ip_address: string; type: string }>;
    v6?: Array<{ ip_address: string; type: string }>;
  };
  region?: DoRegion;
  tags?: string[] | null;
  vpc_uuid?: string;
}

export interface DoVolume {
  id: string;
  name?: string;
  description?: string;
  region?: DoRegion;
  droplet_ids?: number[] | null;
  size_gigabytes?: number;
  created_at?: string;
  filesystem_type?: string;
  tags?: string[] | null;
}

export interface DoSnapshot {
  id: string;
  name?: string;
  created_at?: string;
  regions?: string[];
  resource_id?: string;
  resource_type?: 'droplet' | 'volume' | string;
  min_disk_size?: number;
  size_gigabytes?: number;
  tags?: string[] | null;
}

export interface DoLoadBalancer {
  id: string;
  name?: string;
  ip?: string;
  size?: string;
  size_unit?: number;
  algorithm?: string;
  status?: string;
  forwarding_rules?: Array<{
    entry_protocol: string;
    entry_port: number;
    target_protocol: string;
    target_port: number;
  }>;
  health_check?: { protocol?: string; port?: number; path?: string };
  region?: DoRegion;
  tag?: string;
  droplet_ids?: number[] | null;
  vpc_uuid?: string;
  type?: string;
}

export interface DoFirewallTargets {
  addresses?: string[];
  droplet_ids?: number[];
  load_balancer_uids?: string[];
  kubernetes_ids?: string[];
  tags?: string[];
}

export interface DoFirewall {
  id: string;
  name?: string;
  status?: string;
  inbound_rules?: Array<{
    protocol: string;
    ports?: string;
    sources?: DoFirewallTargets;
  }>;
  outbound_rules?: Array<{
    protocol: string;
    ports?: string;
    destinations?: DoFirewallTargets;
  }>;
  droplet_ids?: number[] | null;
  tags?: string[] | null;
}

export interface DoKubernetesCluster {
  id: string;
  name?: string;
  region?: string;
  version?: string;
  vpc_uuid?: string;
  ipv4?: string;
  endpoint?: string;
  tags?: string[] | null;
  node_pools?: Array<{
    name?: string;
    size?: string;
    count?: number;
    nodes?: Array<{ droplet_id?: string }>;
  }>;
  status?: { state?: string; message?: string };
  ha?: boolean;
}

export interface DoCdnEndpoint {
  id: string;
  origin?: string;
  endpoint?: string;
  custom_domain?: string;
  ttl?: number;
}

/** One page of a list: the items under the list's key, paging links, total. */
export interface DoListPage {
  links?: {
    pages?: { first?: string; prev?: string; next?: string; last?: string };
  };
  meta?: { total?: number };
  [key: string]: unknown;
}

/** The error body of the API v2. */
export interface DoErrorBody {
  id?: string;
  message?: string;
  request_id?: string;
}
