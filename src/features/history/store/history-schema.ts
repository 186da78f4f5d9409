import type { DBSchema } from 'idb';
import type { Check, Mole } from './history-types';

export const HISTORY_DB_NAME = 'naevus-history';

export interface HistorySchema extends DBSchema {
  moles: { key: string; value: Mole; indexes: { 'by-created': string } };
  checks: {
    key: string;
    value: Check;
    indexes: { 'by-mole': string; 'by-mole-taken': [string, string] };
  };
}
