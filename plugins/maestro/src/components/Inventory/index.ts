export { InventoryPage } from './InventoryPage';
export { EditRecordButton } from './EditRecordButton';
export { RecordDialog } from './RecordDialog';
export { DeleteRecordDialog } from './DeleteRecordDialog';
export { INVENTORY_SECTIONS } from './sections';
