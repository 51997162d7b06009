import {
  FieldError,
  RegionsByProvider,
  ServiceDefinition,
  findFamily,
} from '@maestro/plugin-maestro-common';
import { RecordInputError } from '../writePath/translate';

const MAX_ITEMS = 1000;
const MAX_LENGTH = 255;

function checkName(value: unknown, field: string, errors: FieldError[]) {
  if (typeof value !== 'string' || !value.trim()) {
    errors.push({ field, message: 'must be a non-empty string' });
    return false;
  }
  if (value.length > MAX_LENGTH) {
    errors.push({ field, message: `must be at most ${MAX_LENGTH} characters` });
    return false;
  }
  return true;
}

/** A list of distinct, non-empty names (an option list, a region's zones). */
function checkNameList(value: unknown, field: string, errors: FieldError[]) {
  if (!Array.isArray(value)) {
    errors.push({ field, message: 'must be an array of strings' });
    return;
  }
  if (value.length > MAX_ITEMS) {
    errors.push({ field, message: `must have at most ${MAX_ITEMS} entries` });
    return;
  }
  const seen = new Set<string>();
  value.forEach((item, i) => {
    if (!checkName(item, `${field}.${i}`, errors)) return;
    const key = (item as string).trim().toLowerCase();
    if (seen.has(key))
      errors.push({ field: `${field}.${i}`, message: `'${item}' is repeated` });
    seen.add(key);
  });
}

function fail(errors: FieldError[]) {
  if (errors.length) throw new RecordInputError(errors);
}

export function validateOptionList(values: unknown): string[] {
  const errors: FieldError[] = [];
  checkNameList(values, 'values', errors);
  fail(errors);
  return (values as string[]).map(v => v.trim());
}

export function validateServices(services: unknown): ServiceDefinition[] {
  const errors: FieldError[] = [];
  if (!Array.isArray(services) || services.length > MAX_ITEMS) {
    errors.push({
      field: 'services',
      message: `must be an array of at most ${MAX_ITEMS} services`,
    });
    fail(errors);
  }
  const names = new Set<string>();
  (services as unknown[]).forEach((service, i) => {
    const field = `services.${i}`;
    if (!service || typeof service !== 'object') {
      errors.push({
        field,
        message: 'must be an object with name and families',
      });
      return;
    }
    const { name, families } = service as Record<string, unknown>;
    if (checkName(name, `${field}.name`, errors)) {
      const key = (name as string).trim().toLowerCase();
      if (names.has(key))
        errors.push({
          field: `${field}.name`,
          message: `'${name}' is repeated`,
        });
      names.add(key);
    }
    if (!Array.isArray(families)) {
      errors.push({ field: `${field}.families`, message: 'must be an array' });
      return;
    }
    families.forEach((family, j) => {
      if (typeof family !== 'string' || !findFamily(family))
        errors.push({
          field: `${field}.families.${j}`,
          message: `'${family}' is not a Maestro family`,
        });
    });
  });
  fail(errors);
  return (services as ServiceDefinition[]).map(s => ({
    name: s.name.trim(),
    families: s.families.map(f => findFamily(f)!.family),
  }));
}

/** The regions of one provider: region -> zones. */
export function validateRegions(regions: unknown): RegionsByProvider[string] {
  const errors: FieldError[] = [];
  if (!regions || typeof regions !== 'object' || Array.isArray(regions)) {
    errors.push({
      field: 'regions',
      message: 'must be an object of region name -> list of zones',
    });
    fail(errors);
  }
  const entries = Object.entries(regions as Record<string, unknown>);
  if (entries.length > MAX_ITEMS)
    errors.push({ field: 'regions', message: `at most ${MAX_ITEMS} regions` });
  for (const [region, zones] of entries) {
    checkName(region, `regions.${region}`, errors);
    checkNameList(zones, `regions.${region}`, errors);
  }
  fail(errors);
  return Object.fromEntries(
    entries.map(([region, zones]) => [
      region.trim(),
      (zones as string[]).map(z => z.trim()),
    ]),
  );
}
