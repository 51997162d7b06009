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
  };
}
