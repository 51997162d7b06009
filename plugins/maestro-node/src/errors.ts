/**
 * Why a task failed, as the provider said it. `credentials` fails fast
 * (no retry); `permission` names the permission to grant.
 */
export type DiscoveryFailureKind = 'credentials' | 'permission' | 'provider';

/** A failure a source explains to the user on the task's outcome. */
export class DiscoveryProviderError extends Error {
  readonly kind: DiscoveryFailureKind;
  /** The provider's own error code, e.g. `AuthFailure`. */
  readonly code?: string;
  /** The permission the credentials lack, e.g. `ec2:DescribeInstances`. */
  readonly permission?: string;

  constructor(opts: {
    kind: DiscoveryFailureKind;
    message: string;
    code?: string;
    permission?: string;
  }) {
    super(opts.message);
    this.name = 'DiscoveryProviderError';
    this.kind = opts.kind;
    this.code = opts.code;
    this.permission = opts.permission;
  }
}
