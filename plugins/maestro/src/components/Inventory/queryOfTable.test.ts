import { queryOfTable } from './queryOfTable';

describe('queryOfTable', () => {
  it('turns text filters into contains, pick lists into exact values, and pages by offset', () => {
    expect(
      queryOfTable(
        {
          page: 2,
          pageSize: 20,
          orderBy: { field: 'spec.hostname' },
          orderDirection: 'desc',
          filters: [
            { column: { field: 'spec.hostname' }, value: ' web ' },
            {
              column: {
                field: 'spec.environment',
                lookup: { Production: 'Production' },
              },
              value: ['Production'],
            },
            { column: { field: 'spec.ipv4Private' }, value: '' },
          ],
        },
        { 'spec.family': 'Database' },
      ),
    ).toEqual({
      filter: {
        'spec.family': 'Database',
        'spec.hostname': '~web',
        'spec.environment': 'Production',
      },
      sort: 'spec.hostname',
      order: 'desc',
      offset: 40,
      limit: 20,
    });
  });

  it('leaves sorting to the default without a sorted column', () => {
    const q = queryOfTable({ page: 0, pageSize: 50, filters: [] });
    expect(q).toEqual({
      filter: {},
      sort: undefined,
      order: undefined,
      offset: 0,
      limit: 50,
    });
  });
});
