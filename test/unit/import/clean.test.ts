import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../../shared/import/cells';
import {
  cleanRow,
  DEFAULT_IMPORT_OPTIONS,
  expandRecord,
  type ImportOptions,
} from '../../../shared/import/clean';
import { businessCreateSchema, checkBusinessCreate, fieldMemo } from '../../../shared/schemas/business';
import { finishDryRun } from '../../../shared/import/dry-run';
import { FileDuplicates } from '../../../shared/import/duplicates';
import { findHeader } from '../../../shared/import/headers';
import { planOf, mappingProblems } from '../../../shared/import/targets';
import { VillageMatcher } from '../../../shared/import/villages';
import {
  NameIndex,
  normalizedSimilarity,
  normalizeName,
  nameSimilarity,
} from '../../../shared/domain/business-name';

const today = new Date(2026, 10, 23);
const villages = new VillageMatcher(
  [
    { code: '35.09.27.2001', name: 'Gumuksari', districtCode: '35.09.27', districtName: 'Kalisat' },
    { code: '35.09.27.2011', name: 'Sumberketempa', districtCode: '35.09.27', districtName: 'Kalisat' },
    { code: '35.09.27.1001', name: 'Kalisat', districtCode: '35.09.27', districtName: 'Kalisat' },
  ],
  '35.09.27',
);

/** One row through `cleanRow`, with the given columns (target → cell) plus the required fields. */
function clean(cells: Record<string, RawCell>, options: Partial<ImportOptions> = {}) {
  const base: Record<string, RawCell> = {
    name: 'Keripik Tempe Barokah',
    ownerName: 'Siti',
    villageName: 'Gumuksari',
  };
  const all = { ...base, ...cells };
  const keys = Object.keys(all);
  const plan = planOf(keys.map((target, index) => ({ index, target })));
  return cleanRow({ line: 7, cells: keys.map((k) => all[k]!) }, plan, {
    villages,
    today,
    options: { ...DEFAULT_IMPORT_OPTIONS, ...options },
  });
}
const codes = (r: ReturnType<typeof clean>) => r.issues.map((i) => `${i.level}:${i.code}`);

describe('a row cleaned by field kind', () => {
  it('keeps a clean row as it is, with the desa code', () => {
    const r = clean({ ownerNik: '3509275708750001', ownerPhone: '081234567890' });
    expect(r.values).toEqual({
      name: 'Keripik Tempe Barokah',
      ownerName: 'Siti',
      villageName: 'Gumuksari',
      villageCode: '35.09.27.2001',
      ownerNik: '3509275708750001',
      ownerPhone: '+6281234567890',
      // the registration schema's completion: what the NIK tells
      ownerSex: 'P',
      ownerBirthDate: '1975-08-17',
    });
    expect(r.validated).toBe(true);
    expect(expandRecord(r.values)).toEqual(
      businessCreateSchema.parse({
        name: 'Keripik Tempe Barokah',
        ownerName: 'Siti',
        villageName: 'Gumuksari',
        villageCode: '35.09.27.2001',
        ownerNik: '3509275708750001',
        ownerPhone: '081234567890',
      }),
    );
    expect(r.issues).toEqual([]);
    expect(r.kept).toEqual([]);
    expect(r.line).toBe(7);
  });

  it('blocks a row without a required field', () => {
    expect(codes(clean({ name: '-' }))).toEqual(['block:required']);
    expect(clean({ ownerName: null }).issues[0]).toMatchObject({ field: 'ownerName', code: 'required' });
  });

  it('drops a damaged NIK for review and keeps it for the notes', () => {
    const r = clean({ ownerNik: '3,50927E+15' });
    expect(r.values.ownerNik).toBeUndefined();
    expect(r.nikDamaged).toBe(true);
    expect(r.issues).toEqual([
      {
        field: 'ownerNik',
        code: 'nikDamaged',
        level: 'review',
        original: '3,50927E+15',
        params: { reason: 'scientific' },
      },
    ]);
    expect(r.kept).toEqual([{ field: 'ownerNik', text: '3,50927E+15' }]);
  });

  it('shows desa cleaning and blocks what is not one village', () => {
    expect(clean({ villageName: 'Ds. Gumuksari' }).issues).toEqual([
      {
        field: 'villageName',
        code: 'villageNormalized',
        level: 'info',
        original: 'Ds. Gumuksari',
        params: { value: 'Gumuksari' },
      },
    ]);
    const c = clean({ villageName: 'Sumberketemppa' });
    expect(c.values).toMatchObject({ villageName: 'Sumberketempa', villageCode: '35.09.27.2011' });
    expect(c.issues[0]).toMatchObject({ code: 'villageCorrected', level: 'info', params: { score: 93 } });
    const u = clean({ villageName: 'Kampung Zuqaxo' });
    expect(u.values).toMatchObject({ villageName: 'Kampung Zuqaxo' });
    expect(u.values.villageCode).toBeUndefined();
    expect(codes(u)).toEqual(['block:villageUnknown']);
    expect(u.villageText).toBe('kampung zuqaxo');
  });

  it('takes the desa from a code column, which wins over the name', () => {
    const r = clean({ villageCode: '3509272011', villageName: 'Gumuksari' });
    expect(r.values).toMatchObject({ villageCode: '35.09.27.2011', villageName: 'Sumberketempa' });
    const bad = clean({ villageCode: '35.10.01.2001' });
    expect(codes(bad)).toEqual(['review:regionCodeUnknown']);
  });

  it('keeps an owner desa outside the kabupaten as text', () => {
    const r = clean({ ownerVillageName: 'Wonokromo' });
    expect(r.values.ownerVillageName).toBe('Wonokromo');
    expect(r.values.ownerVillageCode).toBeUndefined();
    expect(codes(r)).toEqual(['info:ownerVillageAsText']);
  });

  it('reads worker counts and totals', () => {
    expect(clean({ workersMale: 'tiga orang', workersFemale: 2 }).values).toMatchObject({
      workersMale: 3,
      workersFemale: 2,
    });
    const total = clean({ workersTotal: 'dua puluh lima' });
    expect(codes(total)).toEqual(['info:numberWords', 'info:workersTotalOnly']);
    expect(total.kept).toEqual([{ field: 'workersTotal', text: '25' }]);
    expect(total.values.workersMale).toBeUndefined();
    expect(clean({ workersTotal: '7' }, { workersTotalAs: 'female' }).values.workersFemale).toBe(7);
    expect(clean({ workersTotal: 'L 3 P 2' }).values).toMatchObject({ workersMale: 3, workersFemale: 2 });
    const mismatch = clean({ workersTotal: 9, workersMale: 3, workersFemale: 2 });
    expect(codes(mismatch)).toEqual(['review:workersMismatch']);
    expect(clean({ workersTotal: 5, workersMale: 3, workersFemale: 2 }).issues).toEqual([]);
    expect(codes(clean({ workersMale: '3-5' }))).toEqual(['review:countRange']);
    expect(codes(clean({ workersMale: 'L 3 P 2' }))).toEqual(['review:invalid']);
  });

  it('reads options by code, label and common spellings; keeps unknown ones', () => {
    expect(
      clean({ ownerSex: 'Perempuan', status: 'Non Aktif', legalForm: 'Perseorangan' }).values,
    ).toMatchObject({
      ownerSex: 'P',
      status: 'tidak_aktif',
      legalForm: 'perorangan',
    });
    expect(clean({ status: 'tidak aktif' }).values.status).toBe('tidak_aktif');
    const r = clean({ legalForm: 'Yayasan' });
    expect(r.values.legalForm).toBeUndefined();
    expect(r.kept).toEqual([{ field: 'legalForm', text: 'Yayasan' }]);
    expect(clean({ constraints: 'Modal, Pemasaran; bahan baku' }).values.constraints).toEqual([
      'modal',
      'pemasaran',
      'bahan_baku',
    ]);
    expect(clean({ npwpSameAsNik: 'Ya', ownerNik: '3509275708750001' }).values.npwpSameAsNik).toBe(true);
    // the form's rule: "same as NIK" needs a NIK
    expect(clean({ npwpSameAsNik: 'Ya' }).issues[0]).toMatchObject({
      field: 'npwpSameAsNik',
      code: 'invalid',
      params: { rule: 'validation.npwp.needsNik' },
    });
  });

  it('reads RT/RW alone or together', () => {
    expect(clean({ rt: '2', rw: 'RW 03' }).values).toMatchObject({ rt: '002', rw: '003' });
    expect(clean({ rtRw: '002/003' }).values).toMatchObject({ rt: '002', rw: '003' });
    expect(clean({ rtRw: 'RT 2 RW 3' }).values).toMatchObject({ rt: '002', rw: '003' });
    expect(codes(clean({ rtRw: 'dua' }))).toEqual(['review:invalid']);
  });

  it('reads KBLI codes and assumes the version the mapping says', () => {
    const r = clean({ kbliCode: '10792 - Industri tahu' }, { kbliVersion: '2025' });
    expect(r.values).toMatchObject({ kbliCode: '10792', kbliVersion: '2025' });
    expect(codes(r)).toEqual(['info:kbliVersionAssumed']);
    expect(codes(clean({ kbliCode: '1079' }))).toEqual(['review:kbliInvalid']);
    expect(clean({ kbliCode: '10792', kbliVersion: '2020' }).issues).toEqual([]);
  });

  it('reads NPWP, restoring the 0 a number cell dropped and flagging damage', () => {
    expect(clean({ npwp: '01.234.567.8-901.000' }).values.npwp).toBe('012345678901000');
    expect(clean({ npwp: 12345678901000 }).values.npwp).toBeUndefined();
    expect(codes(clean({ npwp: 12345678901000 }))).toEqual(['review:npwpInvalid']);
    expect(clean({ npwp: 123456789012345 }).values.npwp).toBe('123456789012345');
    expect(codes(clean({ npwp: '1,23457E+14' }))).toEqual(['review:npwpDamaged']);
  });

  it('splits "tempat, tanggal lahir" unless the columns are mapped apart', () => {
    const r = clean({ ownerBirthPlaceDate: 'Jember, 15-08-1975' });
    expect(r.values).toMatchObject({ ownerBirthPlace: 'Jember', ownerBirthDate: '1975-08-15' });
    const apart = clean({ ownerBirthPlaceDate: 'Jember, 15-08-1975', ownerBirthPlace: 'Kalisat' });
    expect(apart.values.ownerBirthPlace).toBe('Kalisat');
  });

  it('shows dates read from serials and month-first sheets', () => {
    expect(codes(clean({ ownerBirthDate: '27621' }))).toEqual(['info:dateSerial']);
    expect(codes(clean({ ownerBirthDate: '08/15/1975' }))).toEqual(['info:dateMonthFirst']);
    expect(codes(clean({ ownerBirthDate: '31/02/1975' }))).toEqual(['review:dateInvalid']);
  });

  it('keeps permits as candidates and their text for the notes', () => {
    const r = clean({ permits: 'NIB 1234567890123; P-IRT 2063509010123-27' });
    expect(r.permits.map((p) => p.type)).toEqual(['nib', 'pirt']);
    expect(codes(r)).toEqual(['info:permitCandidates']);
    expect(r.kept).toEqual([{ field: 'permits', text: 'NIB 1234567890123; P-IRT 2063509010123-27' }]);
    expect(codes(clean({ permits: 'NIB 1234' }))).toEqual([
      'info:permitCandidates',
      'review:permitNumberInvalid',
    ]);
    expect(clean({ permits: 'belum ada' }).kept).toEqual([]);
  });

  it('keeps amounts in rupiah and the unit of a capacity', () => {
    expect(clean({ capital: '1,5 juta' }).values.capital).toBe(1_500_000);
    const r = clean({ productionCapacity: '500 kg/bulan' });
    expect(r.values).toMatchObject({ productionCapacity: 500, capacityUnit: 'kg/bulan' });
    expect(codes(clean({ capital: 'banyak' }))).toEqual(['review:numberInvalid']);
  });
});

describe('the registration schema field by field (checkBusinessCreate)', () => {
  it('gives what the whole schema gives: the same record, key for key, or the same issues', () => {
    const required = { name: 'Keripik Tempe Barokah', ownerName: 'Siti', villageName: 'Gumuksari' };
    const inputs: Record<string, unknown>[] = [
      required,
      { ...required, ownerNik: '3509275708750001', ownerPhone: '+6281234567890', workersMale: 3 },
      { ...required, kbliCode: '10792' },
      { ...required, kbliCode: '10792', kbliVersion: '2020', constraints: ['modal', 'pemasaran'] },
      { ...required, npwpSameAsNik: true },
      { ...required, ownerNik: '3509275708750001', npwpSameAsNik: true },
      { ...required, npwp: '123' },
      { ...required, yearStarted: 1800, workersMale: -1, rt: 'abcd', ownerSex: 'X' },
      { ...required, capital: 1_500_000, annualTurnover: '150.000.000', notes: 'x'.repeat(3000) },
      { ...required, ownerName: '' },
      { name: 'Tahu', villageName: 'Kalisat' },
      { ...required, notAField: 5, existingOwnerId: 3 },
      // fields in another order than the schema's, some missing, some invalid: issues in the schema's order
      { workersMale: -1, ownerSex: 'X', villageName: 'Kalisat', yearStarted: 1800, rt: undefined },
      { notes: 'x'.repeat(3000), kbliCode: 'abc', ownerName: 'Siti' },
    ];
    // with a run's memo of field results too, each input twice (the second from the memo)
    const memo = fieldMemo();
    for (const v of [...inputs, ...inputs]) {
      const whole = businessCreateSchema.safeParse(structuredClone(v));
      for (const byField of [
        checkBusinessCreate(structuredClone(v)),
        checkBusinessCreate(structuredClone(v), memo),
      ]) {
        expect(byField.success).toBe(whole.success);
        if (whole.success && byField.success) {
          expect(JSON.stringify(byField.data)).toBe(JSON.stringify(whole.data));
        } else if (!whole.success && !byField.success) {
          expect(byField.issues).toEqual(
            whole.error.issues.map((i) => ({ path: i.path, message: i.message })),
          );
        }
      }
    }
    // each record has lists of its own
    const [a, b] = [checkBusinessCreate(required), checkBusinessCreate(required)];
    if (!a.success || !b.success) throw new Error('required only');
    expect(a.data.constraints).toEqual([]);
    expect(a.data.constraints).not.toBe(b.data.constraints);
    // kept: repeated plain values; never an object or array a caller could change
    expect([...memo.get('kbliCode')!.keys()]).toEqual(['10792', 'abc']);
    expect(memo.has('constraints')).toBe(false);
  });
});

describe('the NIK column judged as a whole', () => {
  const rows = (niks: string[]) => {
    const list = niks.map((n, i) => ({ ...clean({ ownerNik: n }), line: i + 2 }));
    // distinct names so that no duplicate groups form
    list.forEach((r, i) => (r.values.name = `Usaha nomor ${'abcdefghijklmnopqrstuvwxyz'[i]}${i}xq`));
    return finishDryRun(list, 0, null);
  };

  it('flags NIKs ending in 0 when others in the column were visibly damaged', () => {
    const d = rows(['3509275708750001', '3509275708750010', '3,50927E+15']);
    expect(d.summary.nikDamaged).toBe(2);
    expect(d.rows[1]!.values.ownerNik).toBeUndefined();
    expect(d.rows[1]!.issues[0]).toMatchObject({ code: 'nikDamaged', params: { reason: 'trailingZero' } });
  });

  it('leaves them alone in a clean column', () => {
    const d = rows(['3509275708750001', '3509275708750010', '3509275708750022']);
    expect(d.summary.nikDamaged).toBe(0);
    expect(d.rows[1]!.values.ownerNik).toBe('3509275708750010');
  });
});

describe('duplicates within a file', () => {
  it('groups rows linked by NIK, phone or a similar name in the same desa, transitively', () => {
    const f = new FileDuplicates();
    f.add({ nik: '1', phone: 'a', name: 'Keripik Tempe Barokah', village: 'v1' }); // 0
    f.add({ nik: '2', phone: 'b', name: 'Batik Tulis Mawar', village: 'v1' }); // 1
    f.add({ nik: '1', phone: 'c', name: 'Konveksi Jaya', village: 'v2' }); // 2: NIK of 0
    f.add({ nik: '3', phone: 'c', name: 'Dodol Lestari', village: 'v3' }); // 3: phone of 2
    f.add({ nik: '4', phone: 'd', name: 'Kripik Tempe Barokah', village: 'v1' }); // 4: name of 0, same desa
    f.add({ nik: '5', phone: 'e', name: 'Batik Tulis Mawar', village: 'v9' }); // 5: same name, other desa
    f.add({ nik: null, phone: null, name: 'Tahu', village: 'v1' }); // 6
    expect(f.groups()).toEqual([{ rows: [0, 2, 3, 4], reasons: ['nik', 'phone', 'name'] }]);
  });

  it('compares names as the registration form does', () => {
    const pairs: [string, string][] = [
      ['Keripik Tempe Bu Sri', 'Kripik Tempe Sri'],
      ['UD Sumber Rejeki', 'Sumber Rejeki'],
      ['Tahu Barokah', 'Barokah Tahu'],
      ['Keripik Singkong Mawar', 'Keripik Tempe Mawar'],
      ['Tahu', 'Tahi'],
      ['Batik Tulis Cahaya José', 'Batik Tulis Cahaya Jose'],
    ];
    for (const [a, b] of pairs) {
      expect(normalizedSimilarity(normalizeName(a), normalizeName(b))).toBeCloseTo(nameSimilarity(a, b), 10);
      // with a threshold: the same value above it, something below it under it
      const s = nameSimilarity(a, b);
      const bounded = normalizedSimilarity(normalizeName(a), normalizeName(b), 0.8);
      if (s >= 0.8) expect(bounded).toBeCloseTo(s, 10);
      else expect(bounded).toBeLessThan(0.8);
    }
  });
});

describe('the bounds that skip name pairs', () => {
  it('never skip a pair the registration form calls similar (random near-duplicates, letters repeated)', () => {
    // a seeded generator: the same names every run
    const random = seededRandom(12345);
    const rnd = (n: number) => Math.floor(random() * n);
    const words = [
      'keripik',
      'tempe',
      'barokah',
      'sumber',
      'rejeki',
      'mawar',
      'dodol',
      'lestari',
      'batik',
      'tulis',
      'kopi',
      'anna',
      'sss',
      'mmm',
    ];
    const letters = 'aaabbkkmmssteeiiour';
    const edit = (s: string) => {
      const i = rnd(s.length + 1);
      const c = letters[rnd(letters.length)]!;
      const k = rnd(4);
      if (k === 0) return s.slice(0, i) + c + s.slice(i); // insert
      if (k === 1) return s.slice(0, i) + s.slice(i + 1); // delete
      if (k === 2) return s.slice(0, i) + c + s.slice(i + 1); // substitute
      return s.slice(0, i) + (s[i] ?? c) + s.slice(i); // double a letter
    };
    const names: string[] = [];
    for (let n = 0; n < 150; n++) {
      const base = Array.from({ length: 2 + rnd(2) }, () => words[rnd(words.length)]!).join(' ');
      names.push(base);
      let v = base;
      for (let e = 0; e < 1 + rnd(4); e++) v = edit(v);
      names.push(v);
    }
    const norm = names.map(normalizeName);
    let similar = 0;
    for (let i = 0; i < names.length; i++)
      for (let j = 0; j < i; j++) {
        const s = nameSimilarity(names[i]!, names[j]!);
        const bounded = normalizedSimilarity(norm[i]!, norm[j]!, 0.8);
        if (s >= 0.8) {
          similar++;
          expect(bounded, `${names[i]} / ${names[j]}`).toBeCloseTo(s, 10);
        } else expect(bounded).toBeLessThan(0.8);
      }
    // enough pairs at the threshold to matter
    expect(similar).toBeGreaterThan(150);
    // the index finds the same pairs through its masks
    expectIndexFindsWhatComparisonFinds(names, 1);
  });
});

describe('finding the header', () => {
  it('skips a title and blank lines above it', () => {
    const rows = [
      { cells: ['DATA IKM KECAMATAN KALISAT 2024', null, null] },
      { cells: [null, null, null] },
      { cells: ['No', 'Nama Usaha', 'Nm. Pemilik', 'Desa/Kel'] },
      { cells: [1, 'Tahu Barokah', 'Siti', 'Kalisat'] },
    ];
    expect(findHeader(rows)).toEqual({
      index: 2,
      rows: 1,
      headers: ['No', 'Nama Usaha', 'Nm. Pemilik', 'Desa/Kel'],
    });
  });

  it('joins a second header row under merged cells', () => {
    const rows = [
      { cells: ['Nama Usaha', 'Nm. Pemilik', 'Tenaga Kerja', '', 'Desa/Kel'] },
      { cells: ['', '', 'L', 'P', ''] },
      { cells: ['Tahu Barokah', 'Siti', '3', '2', 'Kalisat'] },
    ];
    const h = findHeader(rows)!;
    expect(h).toEqual({
      index: 0,
      rows: 2,
      headers: ['Nama Usaha', 'Nm. Pemilik', 'Tenaga Kerja L', 'Tenaga Kerja P', 'Desa/Kel'],
    });
  });

  it('does not take a data row for a sub-header', () => {
    const rows = [
      { cells: ['Nama Usaha', 'Nm. Pemilik', 'Desa/Kel', 'Keterangan'] },
      { cells: ['Tahu Barokah', 'Siti', 'Kalisat', ''] },
    ];
    expect(findHeader(rows)).toMatchObject({ rows: 1 });
    expect(findHeader([{ cells: ['only one'] }])).toBeNull();
  });
});

describe('a mapping', () => {
  it('needs the required fields once each', () => {
    expect(
      mappingProblems([
        { index: 0, target: 'name' },
        { index: 1, target: 'name' },
        { index: 2, target: 'zz' },
      ]),
    ).toEqual({
      missing: ['ownerName', 'villageName'],
      twice: ['name'],
      unknown: ['zz'],
    });
  });
});

/** A repeatable stream of numbers in [0, 1) from `seed` (a linear congruential generator). */
function seededRandom(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** Words home-industry names are made of, for the generated names below. */
const NAME_WORDS = [
  'keripik',
  'tempe',
  'tahu',
  'barokah',
  'sumber',
  'rejeki',
  'mawar',
  'sri',
  'jaya',
  'batik',
];

describe('the cheap bounds before the edit distance', () => {
  it('never hide a pair the full comparison finds similar', () => {
    const rnd = seededRandom(42);
    const words = [...NAME_WORDS, 'tulis'];
    let similar = 0;
    for (let i = 0; i < 3000; i++) {
      const a = Array.from(
        { length: 2 + Math.floor(rnd() * 3) },
        () => words[Math.floor(rnd() * words.length)],
      ).join(' ');
      // b: a with a few random edits, sometimes with its words shuffled
      const b = a.split('');
      for (let e = Math.floor(rnd() * 5); e > 0; e--) {
        const at = Math.floor(rnd() * b.length);
        const op = Math.floor(rnd() * 3);
        if (op === 0) b.splice(at, 1);
        else if (op === 1) b.splice(at, 0, 'aeiou'[Math.floor(rnd() * 5)]!);
        else b[at] = 'xyzkt'[Math.floor(rnd() * 5)]!;
      }
      let bs = b.join('');
      if (rnd() < 0.3) bs = bs.split(' ').reverse().join(' ');
      const full = nameSimilarity(a, bs);
      const bounded = normalizedSimilarity(normalizeName(a), normalizeName(bs), 0.8);
      if (full >= 0.8) {
        similar++;
        expect(bounded, `${a} / ${bs}`).toBeCloseTo(full, 10);
      }
    }
    expect(similar).toBeGreaterThan(300);
  });
});

describe('the registration form has the last word', () => {
  it('drops what its schema refuses, for review, and keeps it', () => {
    const r = clean({ yearStarted: '1850', brand: 'x'.repeat(130) });
    expect(r.values.yearStarted).toBeUndefined();
    expect(r.values.brand).toBeUndefined();
    expect(r.issues.map((i) => [i.field, i.code, i.params?.rule])).toEqual([
      ['brand', 'invalid', 'validation.tooLong'],
      ['yearStarted', 'invalid', 'validation.year'],
    ]);
    expect(r.kept.map((k) => k.field)).toEqual(['brand', 'yearStarted']);
  });
});

describe('the name index of a desa', () => {
  it('finds exactly the names a comparison with every other name finds', () => {
    const rnd = seededRandom(7);
    const words = [...NAME_WORDS, 'lestari'];
    const names = Array.from({ length: 400 }, () => {
      const w = Array.from(
        { length: 1 + Math.floor(rnd() * 4) },
        () => words[Math.floor(rnd() * words.length)],
      );
      const s = w.join(' ').split('');
      if (rnd() < 0.5) s.splice(Math.floor(rnd() * s.length), 1);
      return s.join('');
    });
    expectIndexFindsWhatComparisonFinds(names, 7);
  });
});

/** Every `step`-th name asked of a `NameIndex` of all of them gives what comparing it with each name gives. */
function expectIndexFindsWhatComparisonFinds(names: string[], step: number): void {
  const index = new NameIndex<number>();
  const normalized = names.map(normalizeName);
  normalized.forEach((n, i) => index.add(i, n));
  for (let i = 0; i < names.length; i += step) {
    const found = index
      .similar(normalized[i]!)
      .map((h) => h.item)
      .sort((a, b) => a - b);
    const brute = names.flatMap((n, j) => (nameSimilarity(names[i]!, n) >= 0.8 ? [j] : []));
    expect(found, names[i]).toEqual(brute);
  }
}
