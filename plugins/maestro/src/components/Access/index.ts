export { AccessDialog, AccessButton } from './AccessDialog';
export { AccessEntriesEditor } from './AccessEntriesEditor';
export { PrincipalPicker } from './PrincipalPicker';
export { usePrincipals } from './usePrincipals';
