import { validateMaestroEntity } from './validation';

const server = {
  apiVersion: 'maestroserver.io/v1alpha1',
  kind: 'Server',
  metadata: { name: 'web-1' },
  spec: { hostname: 'web-1', ipv4Private: '10.0.0.1', cpu: 2 },
};

describe('validateMaestroEntity', () => {
  it('accepts a valid server', () => {
    expect(validateMaestroEntity(server)).toEqual([]);
  });

  it('names the missing field', () => {
    const errors = validateMaestroEntity({
      ...server,
      spec: { cpu: 2 },
    });
    expect(errors).toEqual([
      { field: 'spec.hostname', message: 'is required' },
    ]);
  });

  it('names the field with a bad value, nested in arrays', () => {
    const errors = validateMaestroEntity({
      ...server,
      spec: {
        hostname: 'web-1',
        ipv4Private: '10.0.0.300',
        storage: [{ name: '/dev/xvda', size: -1 }],
      },
    });
    expect(errors.map(e => e.field).sort()).toEqual([
      'spec.ipv4Private',
      'spec.storage.0.size',
    ]);
  });

  it('rejects a wrong apiVersion on Maestro kinds', () => {
    const errors = validateMaestroEntity({ ...server, apiVersion: 'x/v1' });
    expect(errors[0].field).toBe('apiVersion');
  });

  it('ignores kinds Maestro does not know', () => {
    expect(
      validateMaestroEntity({
        apiVersion: 'x',
        kind: 'API',
        metadata: { name: 'a' },
      }),
    ).toEqual([]);
  });
});
