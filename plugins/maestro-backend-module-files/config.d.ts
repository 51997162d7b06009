export interface Config {
  maestro?: {
    /** Files connections (Ansible facts, Terraform state, Maestro JSON over SSH or S3). */
    files?: {
      /**
       * Seconds to wait for an SSH server or an S3 store to answer one
       * request (connecting, listing, each part of a file) before the run
       * fails. Default: 30.
       */
      timeoutSeconds?: number;
    };
  };
}
