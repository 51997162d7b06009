export { AccessDialog, AccessButton } from './AccessDialog';
