import { AddressPolicy } from './addressPolicy';

describe('AddressPolicy', () => {
  const policy = new AddressPolicy();

  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    '::ffff:10.0.0.1',
    '::ffff:127.0.0.1',
  ])('refuses %s, naming the setting that allows it', address => {
    expect(policy.refusal('hooks.example.com', address)).toMatch(
      /maestro\.jobs\.webhooks\.allow/,
    );
  });

  it.each(['93.184.216.34', '2606:2800:220:1::1', '172.32.0.1', '11.0.0.1'])(
    'lets %s through',
    address => {
      expect(policy.refusal('hooks.example.com', address)).toBeUndefined();
    },
  );

  it('allows what the allow-list names: addresses, ranges and hosts', () => {
    const allowing = new AddressPolicy([
      '127.0.0.1',
      '10.20.0.0/16',
      'fd00::/8',
      'ci.internal',
    ]);
    expect(allowing.refusal('x', '127.0.0.1')).toBeUndefined();
    expect(allowing.refusal('x', '127.0.0.2')).toBeDefined();
    expect(allowing.refusal('x', '10.20.3.4')).toBeUndefined();
    expect(allowing.refusal('x', '10.21.3.4')).toBeDefined();
    expect(allowing.refusal('x', 'fd12::1')).toBeUndefined();
    expect(allowing.refusal('CI.internal', '10.99.0.1')).toBeUndefined();
  });
});
