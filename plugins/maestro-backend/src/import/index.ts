/** Importers of other inventories' exports into Maestro's model. */
export * from './maestro06';
