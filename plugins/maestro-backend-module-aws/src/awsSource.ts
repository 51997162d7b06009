import { DiscoverySource } from '@maestro/plugin-maestro-node';
import { AWS_TASKS } from './tasks';

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

/** AWS accounts: access key and secret, or a role to assume with STS. */
export const awsDiscoverySource: DiscoverySource = {
  type: 'aws',
  title: 'Amazon Web Services',
  fields: [
    {
      name: 'accessKeyId',
      title: 'Access key ID',
      description:
        "Of an IAM user with the read-only permissions below. Leave empty to use the backend's own AWS credentials to assume the role.",
    },
    { name: 'secretAccessKey', title: 'Secret access key', secret: true },
    {
      name: 'roleArn',
      title: 'Role ARN',
      description:
        'Role to assume (STS AssumeRole) for cross-account inventory; needs sts:AssumeRole.',
    },
    {
      name: 'externalId',
      title: 'External ID',
      secret: true,
      description: 'External ID the role trust policy requires.',
    },
    {
      name: 'regions',
      title: 'Regions',
      description:
        'Comma-separated regions to scan; every enabled region when empty.',
    },
    {
      name: 'endpoint',
      title: 'Endpoint override',
      description:
        'Base URL every AWS call goes to instead of AWS (a proxy, LocalStack or the Maestro fake cloud).',
    },
  ],
  tasks: AWS_TASKS,
  validate({ settings, credentials }) {
    const errors: Array<{ field: string; message: string }> = [];
    if (!settings.accessKeyId && !settings.roleArn) {
      errors.push({
        field: 'accessKeyId',
        message: 'or roleArn is required',
      });
    }
    if (settings.accessKeyId && !credentials.secretAccessKey) {
      errors.push({
        field: 'secretAccessKey',
        message: 'is required with accessKeyId',
      });
    }
    if (
      settings.accessKeyId &&
      !/^[A-Z0-9]{16,128}$/.test(settings.accessKeyId)
    ) {
      errors.push({
        field: 'accessKeyId',
        message: 'is not an AWS access key ID',
      });
    }
    if (settings.roleArn && !ROLE_ARN.test(settings.roleArn)) {
      errors.push({ field: 'roleArn', message: 'is not an IAM role ARN' });
    }
    const bad = (settings.regions ?? '')
      .split(/[\s,]+/)
      .filter(r => r && !REGION.test(r));
    if (bad.length) {
      errors.push({
        field: 'regions',
        message: `unknown region ${bad.join(', ')}`,
      });
    }
    if (settings.endpoint && !/^https?:\/\/[^\s]+$/.test(settings.endpoint)) {
      errors.push({ field: 'endpoint', message: 'must be an http(s) URL' });
    }
    return errors;
  },
};
