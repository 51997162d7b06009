export interface Config {
  maestro?: {
    access?: {
      /**
       * What a record, report, graph or connection without access entries
       * shows: `signed-in` (every signed-in user may read it; only owner
       * and entries change it) or `restricted` (only its owner and, once
       * added, its entries). Default `signed-in`.
       */
      defaultRead?: 'signed-in' | 'restricted';
      /**
       * Portal admins: user or group entity refs (e.g.
       * `group:default/maestro-admins`; a name without a kind is a group)
       * whose members hold admin on every record, report, graph and
       * connection, including records that have no owner and no entries.
       */
      admins?: string[];
    };
  };
}
