export { SchedulerPage } from './SchedulerPage';
