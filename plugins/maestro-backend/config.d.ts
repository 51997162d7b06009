import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Maestro configuration */
  maestro?: {
    demo?: {
      /**
       * Folder of Maestro 0.6 demo JSON files to load when the store is
       * empty (first start). Optional; nothing is loaded when unset.
       * Relative paths are resolved from the backend's working directory.
       * @example ../../examples/maestro-demo
       */
      directory?: string;
      /** Set to false to never load the demo inventory. Default: true. */
      enabled?: boolean;
    };
    import?: {
      /**
       * Owner (entity ref) given to imported applications and systems that
       * have none. Default: group:default/sre-engineers.
       */
      defaultOwner?: string;
      /**
       * Largest file upload (Ansible facts, Terraform state), and largest
       * total an uploaded archive may unpack to, in bytes. Larger ones are
       * refused before they are read. Default: 52428800 (50 MB).
       */
      maxUploadBytes?: number;
    };
    /**
     * How records from sources (crawlers, imports) are recognised, per kind:
     * key sets tried in order, each matching all its keys. Keys: unique_id,
     * datacenter, ipv4_private, hostname. Default for Server:
     * [unique_id], [datacenter, ipv4_private], [hostname]; for others
     * [unique_id].
     * @example { Server: [{ keys: ['unique_id'] }, { keys: ['datacenter', 'ipv4_private'] }] }
     */
    reconcile?: {
      [kind: string]: Array<{ keys: string[] }>;
    };
    /** Analytics: business graphs of dependencies and their share links. */
    analytics?: {
      /**
       * Dependencies are followed this many hops from the entry
       * applications; deeper ones are reported, not drawn. Default: 30.
       */
      maxDepth?: number;
      /**
       * Key that signs public share links (HMAC-SHA256). Without it, a key
       * is generated once and kept in the database, so every replica
       * verifies the same links. Changing it invalidates every link.
       * @visibility secret
       */
      shareSecret?: string;
    };
    /** Auto discovery: connections to cloud accounts and their crawlers. */
    discovery?: {
      /**
       * Secret from which the AES-256-GCM key that encrypts connection
       * credentials at rest is derived (at least 16 characters; e.g. the
       * output of `openssl rand -base64 32`). Without it, connections cannot
       * be created or run. Changing it makes stored credentials unreadable:
       * re-enter them.
       * @visibility secret
       */
      encryptionKey?: string;
      /**
       * How often (seconds) each replica looks for connections created on
       * another replica, to run their tasks too. Default: 60.
       */
      connectionCheckSeconds?: number;
    };
    /** Custom scheduled jobs (Scheduler page). */
    jobs?: {
      webhooks?: {
        /**
         * Hosts, addresses and CIDR ranges webhooks may call although they
         * are loopback, private or link-local (refused by default, against
         * server-side request forgery).
         * @example ['ci.internal', '10.20.0.0/16']
         */
        allow?: string[];
        /** Seconds a webhook may take to answer. Default: 30. */
        timeoutSeconds?: number;
      };
    };
    /** Saved reports and their exports. */
    reports?: {
      /**
       * How often the scheduled job re-runs the reports marked `scheduled`
       * (a scheduler task definition). Default: every hour, 30 minutes
       * timeout, first run a minute after start.
       * @example { frequency: { hours: 6 }, timeout: { minutes: 30 } }
       */
      refresh?: SchedulerServiceTaskScheduleDefinitionConfig;
      ansible?: {
        /**
         * Folder holding the private keys named in servers' PKI auth; an
         * inventory's ansible_ssh_private_key_file is <folder>/<key name>.
         * Default: ~/.ssh
         */
        keyDirectory?: string;
      };
    };
  };
}
