import { groupOfPath } from './fieldGroups';

describe('groupOfPath', () => {
  it("puts each field in Maestro's card for it", () => {
    expect(groupOfPath('spec.ipv4Private')).toBe('Info');
    expect(groupOfPath('spec.datacenter.zone')).toBe('Datacenter');
    expect(groupOfPath('spec.datacenter.ref')).toBe('Datacenter');
    expect(groupOfPath('spec.services')).toBe('Services');
    expect(groupOfPath('spec.storage')).toBe('Storage');
    expect(groupOfPath('spec.auth')).toBe('Auth');
    expect(groupOfPath('spec.dependencies')).toBe('Dependencies');
  });
});
