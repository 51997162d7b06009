export {
  MaestroNotifier,
  DISCOVERY_CHANNEL,
  REPORTS_CHANNEL,
} from './MaestroNotifier';
