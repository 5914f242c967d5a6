import type { Migration } from './types';
import { searchForm } from '../seed/regions';
import { KBLI_2020, KBLI_2025, KBLI_DATASET, KBLI_KEYWORDS, type KbliSeed } from '../seed/kbli';

/**
 * KBLI titles in Indonesian title case ("Tanah Liat/Keramik", "Furnitur dari Kayu") and the larger list of
 * everyday keywords (tape, wingko, VCO, sangkar burung, arang, …), written into the shipped rows of an existing
 * database from the seed, which migration 003 now loads as they are into a new one (so here nothing changes).
 * Only rows that came with the app (`source` = the dataset) are touched: a code the office added keeps the
 * title and words the office typed. The search text is rebuilt from the new title and keywords.
 */
export const m008: Migration = {
  version: 8,
  name: 'KBLI titles in Indonesian title case and everyday keywords',
  up(raw) {
    const update = raw.prepare(
      `UPDATE kbli SET title = ?, keywords = ?, search_text = ?
       WHERE version = ? AND code = ? AND source = ? AND (title <> ? OR keywords <> ? OR search_text <> ?)`,
    );
    const load = (version: '2020' | '2025', list: KbliSeed[]) => {
      for (const k of list) {
        const keywords = KBLI_KEYWORDS[`${version}:${k.code}`] ?? '';
        const searchText = searchForm(`${k.title} ${keywords}`);
        update.run(
          k.title,
          keywords,
          searchText,
          version,
          k.code,
          KBLI_DATASET.name,
          k.title,
          keywords,
          searchText,
        );
      }
    };
    load('2020', KBLI_2020);
    load('2025', KBLI_2025);
  },
};
