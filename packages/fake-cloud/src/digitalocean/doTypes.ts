/**
 * DigitalOcean API v2 objects as the API reference documents them (snake
 * case, numeric droplet and image ids, UUIDs elsewhere). The fake stores
 * them in this shape and serves them as they are.
 */

export interface DoRegion {
  name: string;
  slug: string;
  features: string[];
  available: boolean;
  sizes: string[];
}

export interface DoSize {
  slug: string;
  memory: number;
  vcpus: number;
  disk: number;
  transfer: number;
  price_monthly: number;
  price_hourly: number;
  regions: string[];
  available: boolean;
  description: string;
}

export interface DoImage {
  id: number;
  name: string;
  distribution: string;
  slug: string | null;
  public: boolean;
  regions: string[];
  created_at: string;
  type: 'base' | 'snapshot' | 'backup' | 'custom' | 'admin';
  min_disk_size: number;
  size_gigabytes: number;
  description: string;
  tags: string[];
  status: 'NEW' | 'available' | 'pending' | 'deleted' | 'retired';
  error_message: string;
}

export interface DoNetworkV4 {
  ip_address: string;
  netmask: string;
  gateway: string;
  type: 'public' | 'private';
}

export interface DoNetworkV6 {
  ip_address: string;
  netmask: number;
  gateway: string;
  type: 'public';
}

export interface DoDroplet {
  id: number;
  name: string;
  memory: number;
  vcpus: number;
  disk: number;
  locked: boolean;
  status: 'new' | 'active' | 'off' | 'archive';
  kernel: null;
  created_at: string;
  features: string[];
  backup_ids: number[];
  next_backup_window: { start: string; end: string } | null;
  snapshot_ids: number[];
  image: DoImage;
  volume_ids: string[];
  size: DoSize;
  size_slug: string;
  networks: { v4: DoNetworkV4[]; v6: DoNetworkV6[] };
  region: DoRegion;
  tags: string[];
  vpc_uuid: string;
}

export interface DoVolume {
  id: string;
  region: DoRegion;
  droplet_ids: number[];
  name: string;
  description: string;
  size_gigabytes: number;
  created_at: string;
  filesystem_type: string;
  filesystem_label: string;
  tags: string[];
}

export interface DoSnapshot {
  id: string;
  name: string;
  created_at: string;
  regions: string[];
  resource_id: string;
  resource_type: 'droplet' | 'volume';
  min_disk_size: number;
  size_gigabytes: number;
  tags: string[];
}

export interface DoForwardingRule {
  entry_protocol: string;
  entry_port: number;
  target_protocol: string;
  target_port: number;
  certificate_id: string;
  tls_passthrough: boolean;
}

export interface DoLoadBalancer {
  id: string;
  name: string;
  ip: string;
  ipv6: string;
  size_unit: number;
  size: string;
  algorithm: string;
  status: 'new' | 'active' | 'errored';
  created_at: string;
  forwarding_rules: DoForwardingRule[];
  health_check: {
    protocol: string;
    port: number;
    path: string;
    check_interval_seconds: number;
    response_timeout_seconds: number;
    healthy_threshold: number;
    unhealthy_threshold: number;
  };
  sticky_sessions: { type: string };
  region: DoRegion;
  tag: string;
  droplet_ids: number[];
  redirect_http_to_https: boolean;
  enable_proxy_protocol: boolean;
  enable_backend_keepalive: boolean;
  http_idle_timeout_seconds: number;
  vpc_uuid: string;
  project_id: string;
  disable_lets_encrypt_dns_records: boolean;
  network: 'EXTERNAL' | 'INTERNAL';
  type: 'REGIONAL' | 'GLOBAL';
}

export interface DoFirewallRuleTarget {
  addresses?: string[];
  droplet_ids?: number[];
  load_balancer_uids?: string[];
  kubernetes_ids?: string[];
  tags?: string[];
}

export interface DoFirewall {
  id: string;
  name: string;
  status: 'waiting' | 'succeeded' | 'failed';
  inbound_rules: Array<{
    protocol: string;
    ports: string;
    sources: DoFirewallRuleTarget;
  }>;
  outbound_rules: Array<{
    protocol: string;
    ports: string;
    destinations: DoFirewallRuleTarget;
  }>;
  created_at: string;
  droplet_ids: number[];
  tags: string[];
  pending_changes: Array<{
    droplet_id: number;
    removing: boolean;
    status: string;
  }>;
}

export interface DoKubernetesNode {
  id: string;
  name: string;
  status: { state: string };
  droplet_id: string;
  created_at: string;
  updated_at: string;
}

export interface DoKubernetesCluster {
  id: string;
  name: string;
  region: string;
  version: string;
  cluster_subnet: string;
  service_subnet: string;
  vpc_uuid: string;
  ipv4: string;
  endpoint: string;
  tags: string[];
  node_pools: Array<{
    id: string;
    name: string;
    size: string;
    count: number;
    tags: string[];
    labels: Record<string, string> | null;
    taints: unknown[];
    auto_scale: boolean;
    min_nodes: number;
    max_nodes: number;
    nodes: DoKubernetesNode[];
  }>;
  maintenance_policy: { start_time: string; duration: string; day: string };
  auto_upgrade: boolean;
  status: { state: string; message?: string };
  created_at: string;
  updated_at: string;
  surge_upgrade: boolean;
  registry_enabled: boolean;
  ha: boolean;
}

export interface DoCdnEndpoint {
  id: string;
  origin: string;
  endpoint: string;
  created_at: string;
  certificate_id?: string;
  custom_domain?: string;
  ttl: number;
}

/** A Spaces bucket as ListBuckets returns it, and the region it lives in. */
export interface DoSpacesBucket {
  name: string;
  region: string;
  creationDate: string;
}

export interface DoAccount {
  droplet_limit: number;
  floating_ip_limit: number;
  volume_limit: number;
  email: string;
  uuid: string;
  email_verified: boolean;
  status: string;
  status_message: string;
  team: { uuid: string; name: string };
}
