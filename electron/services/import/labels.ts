/**
 * The words the import writes into files and records on main: the review sheet's texts and the field names
 * in a record's "Catatan impor". Both are in Indonesian, the register's language, whatever the screen's: a
 * record's notes and an office's review sheet are read by the next clerk too. The JSON is imported, so the
 * bundles (main and the import worker) carry it.
 */
import i18next from 'i18next';
import idBusiness from '../../../renderer/locales/id/business.json';
import idImport from '../../../renderer/locales/id/import.json';
import { IMPORT_TARGETS } from '../../../shared/import/targets';
import type { Translate } from './review-sheet';

const i18n = i18next.createInstance();
void i18n.init({
  resources: { id: { translation: { import: idImport.import, business: idBusiness.business } } },
  lng: 'id',
  fallbackLng: false,
  initAsync: false,
  interpolation: { escapeValue: false },
});

export const translateId: Translate = (key, params) => i18n.t(key, params ?? {});

/** `ownerNik` → "NIK pemilik": the field names of the notes. */
export function importLabels(): Record<string, string> {
  return Object.fromEntries(
    IMPORT_TARGETS.map((t) => [t.key, i18n.exists(t.label) ? i18n.t(t.label) : t.key]),
  );
}
