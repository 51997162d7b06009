/**
 * A Maestro backend in its own Node process: the production
 * `createBackend()` with its default services (its own database pool,
 * scheduler, auth and HTTP server), the Maestro plugin and the test
 * source. Started by replicaProcesses.ts with `--config <file>`.
 *
 * It loads its code, says so, and starts when told on stdin, so that the
 * slow part (loading) of two replicas overlaps while the first start (which
 * creates the schema) happens before the second.
 */
import { createBackend } from '@backstage/backend-defaults';
import { maestroPlugin } from '../../plugin';
import { replicaTestModule } from './replicaTestSource';

/** What replicaProcesses.ts waits for. */
const LOADED_LINE = 'maestro replica loaded';

const backend = createBackend();
backend.add(maestroPlugin);
backend.add(replicaTestModule(process.env.MAESTRO_REPLICA_NAME ?? 'child'));

const go = new Promise<void>(resolve => process.stdin.once('data', resolve));
process.stdout.write(`${LOADED_LINE}\n`);
go.then(() => backend.start()).catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
