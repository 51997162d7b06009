import { FieldError } from '@maestro/plugin-maestro-common';
import { RecordInputError } from '../writePath/translate';
import { JobInput } from './types';
import { isValidCron } from './nextRun';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const HEADER = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
const MIN_INTERVAL = 10;
const MAX_INTERVAL = 60 * 60 * 24 * 7 * 52;

function normalisedPeriod(period: any): JobInput['period'] {
  if (period.type === 'chain')
    return {
      type: 'chain',
      afterJobId: period.afterJobId,
      countdownSeconds: period.countdownSeconds ?? 0,
    };
  if (period.type === 'cron') return { type: 'cron', cron: period.cron };
  return { type: 'interval', seconds: period.seconds };
}

/** Checks a job from the API; every problem names its field. */
export function validateJob(
  body: any,
  options: { canStoreHeaders: boolean },
): JobInput {
  const errors: FieldError[] = [];
  const name = typeof body?.name === 'string' ? body.name.trim() : '';
  if (!name || name.length > 255)
    errors.push({ field: 'name', message: 'must be 1 to 255 characters' });
  const period = body?.period ?? {};
  if (period.type === 'interval') {
    if (
      !Number.isInteger(period.seconds) ||
      period.seconds < MIN_INTERVAL ||
      period.seconds > MAX_INTERVAL
    )
      errors.push({
        field: 'period.seconds',
        message: `must be a whole number of seconds from ${MIN_INTERVAL} to ${MAX_INTERVAL} (a year)`,
      });
  } else if (period.type === 'cron') {
    if (typeof period.cron !== 'string' || !isValidCron(period.cron))
      errors.push({
        field: 'period.cron',
        message: 'is not a valid cron expression',
      });
  } else if (period.type === 'chain') {
    if (typeof period.afterJobId !== 'string' || !period.afterJobId)
      errors.push({
        field: 'period.afterJobId',
        message: 'must name the job this one follows',
      });
    if (
      !Number.isInteger(period.countdownSeconds ?? 0) ||
      (period.countdownSeconds ?? 0) < 0
    )
      errors.push({
        field: 'period.countdownSeconds',
        message: 'must be a whole number of seconds, 0 or more',
      });
  } else {
    errors.push({
      field: 'period.type',
      message: 'must be interval, cron or chain',
    });
  }
  const webhook = body?.webhook ?? {};
  if (!METHODS.includes(webhook.method))
    errors.push({
      field: 'webhook.method',
      message: `must be one of ${METHODS.join(', ')}`,
    });
  let url: URL | undefined;
  try {
    url = new URL(webhook.url);
  } catch {
    errors.push({
      field: 'webhook.url',
      message: 'must be an absolute http(s) URL',
    });
  }
  if (url && !['http:', 'https:'].includes(url.protocol))
    errors.push({
      field: 'webhook.url',
      message: 'must be an http or https URL',
    });
  const headers = webhook.headers ?? {};
  if (typeof headers !== 'object' || Array.isArray(headers)) {
    errors.push({
      field: 'webhook.headers',
      message: 'must be an object of name -> value',
    });
  } else {
    for (const [key, value] of Object.entries(headers)) {
      if (
        !HEADER.test(key) ||
        typeof value !== 'string' ||
        /[\r\n]/.test(value)
      )
        errors.push({
          field: `webhook.headers.${key}`,
          message: 'must be a valid header name with a one-line text value',
        });
    }
    if (Object.keys(headers).length && !options.canStoreHeaders)
      errors.push({
        field: 'webhook.headers',
        message:
          'are stored encrypted: set maestro.discovery.encryptionKey to use them',
      });
  }
  if (webhook.body !== undefined && typeof webhook.body !== 'string')
    errors.push({ field: 'webhook.body', message: 'must be text' });
  if (errors.length) throw new RecordInputError(errors);
  return {
    name,
    enabled: body.enabled !== false,
    period: normalisedPeriod(period),
    webhook: {
      method: webhook.method,
      url: webhook.url,
      ...(Object.keys(headers).length ? { headers } : {}),
      ...(webhook.body !== undefined ? { body: webhook.body } : {}),
    },
  };
}
