import { formatJson } from './formatJson';
import { isEmptyValue, valueAtPath } from './valueAtPath';

describe('formatJson', () => {
  it('keeps strings quoted so that types stay visible', () => {
    expect(formatJson('16')).toBe('"16"');
    expect(formatJson(16)).toBe('16');
    expect(formatJson(undefined)).toBe('(none)');
    expect(formatJson({ base: 'Linux', tags: [1] })).toBe(
      '{"base":"Linux","tags":[1]}',
    );
  });
});

describe('valueAtPath', () => {
  const entity = { spec: { os: { version: '22.04' }, storage: [] } };
  it('reads dotted paths and tolerates missing parts', () => {
    expect(valueAtPath(entity, 'spec.os.version')).toBe('22.04');
    expect(valueAtPath(entity, 'spec.datacenter.ref')).toBeUndefined();
    expect(valueAtPath(entity, 'spec.os.version.major')).toBeUndefined();
  });
  it('treats empty lists and blank strings as empty', () => {
    expect(isEmptyValue(valueAtPath(entity, 'spec.storage'))).toBe(true);
    expect(isEmptyValue('')).toBe(true);
    expect(isEmptyValue(0)).toBe(false);
    expect(isEmptyValue(false)).toBe(false);
  });
});
