export { AccessDialog, AccessButton } from './AccessDialog';
export type { AccessDialogTarget } from './AccessDialog';
export type { AccessTarget } from './accessClient';
export { AccessEntriesEditor } from './AccessEntriesEditor';
export { PrincipalPicker } from './PrincipalPicker';
export { usePrincipals } from './usePrincipals';
export { useAllowed } from './useAllowed';
export { ObjectRowActions } from './ObjectRowActions';
