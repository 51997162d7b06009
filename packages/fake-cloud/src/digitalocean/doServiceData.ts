/** Managed services generated around a region's droplets. */

import {
  DoDroplet,
  DoFirewall,
  DoKubernetesCluster,
  DoLoadBalancer,
  DoRegion,
} from './doTypes';

export function loadBalancer(
  id: string,
  name: string,
  region: DoRegion,
  vpc: string,
  droplets: DoDroplet[],
  ip: string,
  createdAt: string,
): DoLoadBalancer {
  return {
    id,
    name,
    ip,
    ipv6: '',
    size_unit: 1,
    size: 'lb-small',
    algorithm: 'round_robin',
    status: 'active',
    created_at: createdAt,
    forwarding_rules: [
      {
        entry_protocol: 'http',
        entry_port: 80,
        target_protocol: 'http',
        target_port: 8080,
        certificate_id: '',
        tls_passthrough: false,
      },
    ],
    health_check: {
      protocol: 'http',
      port: 8080,
      path: '/health',
      check_interval_seconds: 10,
      response_timeout_seconds: 5,
      healthy_threshold: 5,
      unhealthy_threshold: 3,
    },
    sticky_sessions: { type: 'none' },
    region,
    tag: '',
    droplet_ids: droplets.map(d => d.id),
    redirect_http_to_https: false,
    enable_proxy_protocol: false,
    enable_backend_keepalive: false,
    http_idle_timeout_seconds: 60,
    vpc_uuid: vpc,
    project_id: '',
    disable_lets_encrypt_dns_records: false,
    network: 'EXTERNAL',
    type: 'REGIONAL',
  };
}

export function firewall(
  id: string,
  name: string,
  droplets: DoDroplet[],
  loadBalancers: DoLoadBalancer[],
  createdAt: string,
): DoFirewall {
  return {
    id,
    name,
    status: 'succeeded',
    inbound_rules: [
      {
        protocol: 'tcp',
        ports: '8080',
        sources: { load_balancer_uids: loadBalancers.map(l => l.id) },
      },
      {
        protocol: 'tcp',
        ports: '22',
        sources: { addresses: ['10.0.0.0/8'], tags: ['bastion'] },
      },
    ],
    outbound_rules: [
      {
        protocol: 'tcp',
        ports: '0',
        destinations: { addresses: ['0.0.0.0/0', '::/0'] },
      },
    ],
    created_at: createdAt,
    droplet_ids: droplets.map(d => d.id),
    tags: [],
    pending_changes: [],
  };
}

export function cluster(
  id: string,
  name: string,
  region: string,
  vpc: string,
  workers: DoDroplet[],
  ip: string,
  createdAt: string,
  uuid: () => string,
): DoKubernetesCluster {
  return {
    id,
    name,
    region,
    version: '1.31.1-do.3',
    cluster_subnet: '10.244.0.0/16',
    service_subnet: '10.245.0.0/16',
    vpc_uuid: vpc,
    ipv4: ip,
    endpoint: `https://${id}.k8s.ondigitalocean.com`,
    tags: ['k8s', `k8s:${id}`, 'production'],
    node_pools: [
      {
        id: uuid(),
        name: `${name}-pool`,
        size: workers[0]?.size_slug ?? 's-2vcpu-4gb',
        count: workers.length,
        tags: ['k8s', `k8s:${id}`, 'k8s:worker'],
        labels: null,
        taints: [],
        auto_scale: false,
        min_nodes: 0,
        max_nodes: 0,
        nodes: workers.map(w => ({
          id: uuid(),
          name: w.name,
          status: { state: w.status === 'active' ? 'running' : 'provisioning' },
          droplet_id: String(w.id),
          created_at: w.created_at,
          updated_at: w.created_at,
        })),
      },
    ],
    maintenance_policy: { start_time: '00:00', duration: '4h0m0s', day: 'any' },
    auto_upgrade: false,
    status: { state: 'running' },
    created_at: createdAt,
    updated_at: createdAt,
    surge_upgrade: false,
    registry_enabled: false,
    ha: false,
  };
}
