import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  createTestDatabases,
  createTestStore,
  server,
  user,
} from '../__testUtils__/testStore';
import { ReportService } from './ReportService';
import { createReports } from './createReports';

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'ReportService on %p',
  databaseId => {
    let ctx: Awaited<ReturnType<typeof createTestStore>>;
    let service: ReportService;

    beforeEach(async () => {
      ctx = await createTestStore(databases, databaseId);
      await ctx.writePath.writeMany(
        [
          server('a', { environment: 'Production' }),
          server('b', { environment: 'Staging' }),
        ],
        { mode: 'create', source: { type: 'ui' }, actor: user },
      );
      service = new ReportService(ctx.knex);
    });

    const general = (environment: string) => ({
      type: 'general' as const,
      kind: 'servers',
      filters: [
        {
          field: 'spec.environment',
          operator: 'oneOf' as const,
          value: [environment],
        },
      ],
    });

    it('runs a report: status, row count, run time', async () => {
      const report = await service.create(
        { name: 'Production', query: general('Production') },
        user,
      );
      expect(report).toMatchObject({ status: 'created', scheduled: false });
      const run = await service.run(report.id);
      expect(run).toMatchObject({ status: 'finished', rowCount: 1 });
      expect(run.durationMs).toBeGreaterThanOrEqual(0);
      // A changed definition forgets the last outcome.
      const updated = await service.update(
        report.id,
        { name: 'Staging', query: general('Staging') },
        user,
      );
      expect(updated).toMatchObject({ status: 'created', rowCount: undefined });
    });

    it('refreshes only the scheduled reports, recording a failure as such', async () => {
      const scheduled = await service.create(
        { name: 'Scheduled', query: general('Staging'), scheduled: true },
        user,
      );
      const manual = await service.create(
        { name: 'Manual', query: general('Staging') },
        user,
      );
      const broken = await service.create(
        { name: 'Broken', query: general('Staging'), scheduled: true },
        user,
      );
      // A definition saved by an older version that no longer compiles.
      await ctx
        .knex('maestro_reports')
        .where({ id: broken.id })
        .update({
          query: JSON.stringify({
            type: 'general',
            kind: 'servers',
            filters: [{ field: 'spec.gone', operator: 'equal', value: 'x' }],
          }),
        });
      expect(await service.refreshScheduled()).toBe(2);
      expect(await service.get(scheduled.id)).toMatchObject({
        status: 'finished',
        rowCount: 1,
      });
      expect((await service.get(manual.id)).status).toBe('created');
      const failed = await service.get(broken.id);
      expect(failed.status).toBe('failed');
      expect(failed.error).toMatch(/spec.gone/);
    });

    it('refuses a bad definition, saving nothing', async () => {
      await expect(
        service.create({ query: general('x') }, user),
      ).rejects.toThrow(/name/);
      await expect(
        service.create(
          {
            name: 'x',
            query: { type: 'general', kind: 'rockets', filters: [] },
          },
          user,
        ),
      ).rejects.toThrow(/query.kind/);
      expect(await service.saved.list()).toEqual([]);
    });

    it('schedules the refresh job with the scheduler service', async () => {
      const scheduler = mockServices.scheduler.mock();
      await createReports({
        config: new ConfigReader({}),
        knex: ctx.knex,
        scheduler,
      });
      expect(scheduler.scheduleTask).toHaveBeenCalledWith(
        expect.objectContaining({
          id: 'maestro-reports-refresh',
          frequency: { hours: 1 },
        }),
      );
    });
  },
);
