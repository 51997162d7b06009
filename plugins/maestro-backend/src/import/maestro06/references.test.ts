import { makeValidator } from '@backstage/catalog-model';
import {
  EntityNames,
  entityRef,
  parseNameReference,
  slugify,
} from './references';

const { isValidEntityName } = makeValidator();

describe('slugify', () => {
  it.each([
    ['WebServer Maestro', 'webserver-maestro'],
    ['DB - MongoDB [Developing]', 'db-mongodb-developing'],
    ['AWS - US East/West', 'aws-us-east-west'],
    ['vpc peering - a26893493', 'vpc-peering-a26893493'],
    ['Route 53 - AWS', 'route-53-aws'],
    ['node_v1.2', 'node_v1.2'],
    ['Gestão Técnica', 'gestao-tecnica'],
    ['--__..', 'unnamed'],
  ])('%s -> %s', (text, slug) => {
    expect(slugify(text)).toBe(slug);
    expect(isValidEntityName(slug)).toBe(true);
  });

  it('stays within 63 characters and valid after truncation', () => {
    const slug = slugify(`${'a'.repeat(62)} b`);
    expect(slug).toBe('a'.repeat(62));
    expect(
      isValidEntityName(slugify(`${'x'.repeat(40)} - ${'y'.repeat(40)}`)),
    ).toBe(true);
  });
});

describe('EntityNames', () => {
  it('disambiguates collisions within a kind in claim order', () => {
    const names = new EntityNames();
    expect(names.claim('Client', 'ERP')).toBe('erp');
    expect(names.claim('Client', 'erp')).toBe('erp-2');
    expect(names.claim('Client', ' Erp ')).toBe('erp-3');
    // Another kind has its own names.
    expect(names.claim('System', 'ERP')).toBe('erp');
  });

  it('keeps suffixed names within 63 characters', () => {
    const names = new EntityNames();
    const long = 'n'.repeat(70);
    names.claim('Server', long);
    const second = names.claim('Server', long);
    expect(second).toHaveLength(63);
    expect(second.endsWith('-2')).toBe(true);
  });

  it('resolves #name:: references per collection, first document wins', () => {
    const names = new EntityNames();
    names.register('apps', 'Data API', 'component:default/data-api');
    names.register('apps', 'Data API', 'component:default/data-api-2');
    expect(names.resolve('apps', '#name::Data API')).toEqual({
      ref: 'component:default/data-api',
    });
    expect(names.resolve('apps', { name: '#name::Data API' })).toEqual({
      ref: 'component:default/data-api',
    });
    expect(names.resolve('systems', '#name::Data API')).toEqual({
      problem: 'refers to "Data API", which is not in systems',
    });
    expect(names.resolve('apps', 'Data API')).toHaveProperty('problem');
  });
});

describe('references', () => {
  it('parses the forms 0.6 wrote', () => {
    expect(parseNameReference('#name::SQS - XXX')).toBe('SQS - XXX');
    expect(parseNameReference({ name: 'SQS - XXX' })).toBe('SQS - XXX');
    expect(parseNameReference('SQS - XXX')).toBeUndefined();
    expect(parseNameReference('#name::')).toBeUndefined();
    expect(parseNameReference(42)).toBeUndefined();
  });

  it('builds full entity refs', () => {
    expect(entityRef('Component', 'webserver-maestro')).toBe(
      'component:default/webserver-maestro',
    );
  });
});
