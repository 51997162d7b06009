export interface Config {
  maestro?: {
    access?: {
      /**
       * What a record without access entries shows: `signed-in` (every
       * signed-in user may read it; only owner and entries change it) or
       * `restricted` (only its owner and, once added, its entries).
       * Default `signed-in`.
       */
      defaultRead?: 'signed-in' | 'restricted';
    };
  };
}
