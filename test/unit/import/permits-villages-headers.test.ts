import { describe, expect, it } from 'vitest';
import { headerKey, proposeMapping, scoreHeader } from '../../../shared/import/headers';
import { applyMapping, mappingToSave, savedMappingSchema } from '../../../shared/import/mapping';
import { parsePermits } from '../../../shared/import/permits';
import { VillageMatcher, villageKey, type VillageRef } from '../../../shared/import/villages';
import { itEachMaps } from '../../fixtures/tables';

describe('permits named in free text', () => {
  it('reads NIB, P-IRT, halal and BPOM numbers in their shapes', () => {
    const r = parsePermits(
      'NIB 1234567890123; PIRT 2063509010123-27, halal ID35110000123456789, BPOM RI MD 224113001234',
    );
    expect(r.none).toBe(false);
    expect(r.unrecognized).toBeNull();
    expect(r.candidates.map((c) => [c.type, c.number, c.numberProblem])).toEqual([
      ['nib', '1234567890123', false],
      ['pirt', '2063509010123-27', false],
      ['halal', 'ID35110000123456789', false],
      ['bpom_md', 'MD 224113001234', false],
    ]);
  });

  it('normalises the ways P-IRT numbers are written', () => {
    for (const s of [
      'P-IRT No. 2063509010123-27',
      'SPP-IRT 2.06.3509.01.0123-27',
      'pirt: 206 3509 010123 27',
    ])
      expect(parsePermits(s).candidates).toMatchObject([{ type: 'pirt', number: '2063509010123-27' }]);
  });

  it('takes bare numbers by their shape: 13 digits NIB, 13-2 P-IRT', () => {
    expect(parsePermits('9120001234567').candidates).toMatchObject([
      { type: 'nib', number: '9120001234567' },
    ]);
    expect(parsePermits('2063509010123-27').candidates).toMatchObject([
      { type: 'pirt', number: '2063509010123-27' },
    ]);
    expect(parsePermits(9120001234567).candidates).toMatchObject([{ type: 'nib' }]);
  });

  it('keeps permits named without a number, and flags numbers of the wrong shape', () => {
    const r = parsePermits('SKU desa, IUMK, sertifikat halal MUI, NIB 12345');
    expect(r.candidates.map((c) => [c.type, c.number, c.numberProblem])).toEqual([
      ['sku', null, false],
      ['iumk', null, false],
      ['halal', null, false],
      ['nib', '12345', true],
    ]);
    expect(r.unrecognized).toBe('desa');
  });

  it('knows "none" and leaves unknown words for the clerk', () => {
    for (const s of ['-', 'belum ada', 'Tidak ada izin', 'blm punya', '', null])
      expect(parsePermits(s).none).toBe(true);
    const r = parsePermits('surat dari kepala dusun');
    expect(r.candidates).toEqual([]);
    expect(r.unrecognized).toBe('surat dari kepala dusun');
  });

  it('reads ML, SNI, NPWP, TDI, IUI and HKI', () => {
    const r = parsePermits('ML 123456789012 / SNI 3140.3:2010 / NPWP 01.234.567.8-901.000 / TDI / IUI / HKI');
    expect(r.candidates.map((c) => c.type)).toEqual(['bpom_ml', 'sni', 'npwp', 'tdi', 'iui', 'hki']);
    expect(r.candidates[2]!.number).toBe('012345678901000');
  });
});

const V = (code: string, name: string, districtCode: string, districtName: string): VillageRef => ({
  code,
  name,
  districtCode,
  districtName,
});
const villages = [
  V('35.09.27.2001', 'Sumberjati', '35.09.27', 'Kalisat'),
  V('35.09.27.2002', 'Ajung', '35.09.27', 'Kalisat'),
  V('35.09.27.2003', 'Sumberketempa', '35.09.27', 'Kalisat'),
  V('35.09.27.2004', 'Glagahwero', '35.09.27', 'Kalisat'),
  V('35.09.09.2001', 'Ajung', '35.09.09', 'Ajung'),
  V('35.09.09.2002', 'Mangaran', '35.09.09', 'Ajung'),
  V('35.09.12.2001', 'Sukorejo', '35.09.12', 'Bangsalsari'),
  V('35.09.13.2001', 'Sukorejo', '35.09.13', 'Sumbersari'),
  V('35.09.27.1001', 'Kalisat', '35.09.27', 'Kalisat'),
];

describe('village matching within the kabupaten', () => {
  const m = new VillageMatcher(villages, '35.09.27');

  it('takes off prefixes, case and spaces', () => {
    expect(villageKey('Ds. Sumber Jati')).toEqual({
      key: 'sumber jati',
      compact: 'sumberjati',
      districtHint: null,
    });
    expect(villageKey('Kel. Kalisat Kec. Kalisat')).toEqual({
      key: 'kalisat',
      compact: 'kalisat',
      districtHint: 'kalisat',
    });
    expect(villageKey('Desa')).toMatchObject({ key: 'desa' });
    for (const raw of [
      'Sumberjati',
      'SUMBERJATI',
      'Ds. Sumberjati',
      'Desa Sumber Jati',
      ' sumberjati ',
      'Kel Sumberjati',
    ])
      expect(m.match(raw)).toMatchObject({ status: 'exact', score: 1, village: { code: '35.09.27.2001' } });
    expect(m.match('Sumberjati').normalized).toBe(false);
    expect(m.match('SUMBERJATI').normalized).toBe(true);
  });

  it('corrects a small misspelling with its score', () => {
    const r = m.match('Sumberjatti');
    expect(r.status).toBe('corrected');
    expect(r.village?.code).toBe('35.09.27.2001');
    expect(r.score).toBeCloseTo(10 / 11, 5);
    expect(m.match('Glagawero')).toMatchObject({ status: 'corrected', village: { name: 'Glagahwero' } });
  });

  it('leaves a weaker guess to be confirmed, and nothing close as unknown', () => {
    const r = m.match('Sumbrjt');
    expect(r.status).toBe('doubtful');
    expect(r.village?.name).toBe('Sumberjati');
    expect(r.score).toBeGreaterThanOrEqual(0.6);
    expect(r.score).toBeLessThan(0.85);
    const u = m.match('Kampung Antah Berantah');
    expect(u.status).toBe('unknown');
    expect(u.village).toBeNull();
    expect(u.candidates.length).toBeGreaterThan(0);
  });

  it('prefers the office kecamatan for a shared name, a hint over both, and calls the rest ambiguous', () => {
    expect(m.match('Ajung')).toMatchObject({ status: 'exact', village: { code: '35.09.27.2002' } });
    expect(m.match('Ajung', 'Kec. Ajung')).toMatchObject({
      status: 'exact',
      village: { code: '35.09.09.2001' },
    });
    expect(m.match('Ajung Kec. Ajung')).toMatchObject({
      status: 'exact',
      village: { code: '35.09.09.2001' },
    });
    expect(m.match('Sukorejo')).toMatchObject({ status: 'ambiguous', village: null });
    expect(
      m
        .match('Sukorejo')
        .candidates.filter((c) => c.score === 1)
        .map((c) => c.village.code)
        .sort(),
    ).toEqual(['35.09.12.2001', '35.09.13.2001']);
    expect(m.match('Sukorejo', 'Sumbersari')).toMatchObject({
      status: 'exact',
      village: { code: '35.09.13.2001' },
    });
    // an exact name lists the villages of that name, the hinted one first; an ambiguous one the closest others too
    expect(m.match('Sukorejo', 'Sumbersari').candidates.map((c) => [c.village.code, c.score])).toEqual([
      ['35.09.13.2001', 1],
      ['35.09.12.2001', 1],
    ]);
    expect(m.match('Sumberjati').candidates.map((c) => c.village.code)).toEqual(['35.09.27.2001']);
    expect(m.match('Sukorejo').candidates.length).toBeGreaterThan(2);
  });

  it('finds villages by code, dotted or not, only in the kabupaten', () => {
    expect(m.byCode('35.09.27.2001')?.name).toBe('Sumberjati');
    expect(m.byCode('3509272001')?.name).toBe('Sumberjati');
    expect(m.byCode('3301012001')).toBeNull();
    expect(m.byCode('35.09.27')).toBeNull();
  });

  it('calls a close second "doubtful" even above the correction score', () => {
    const twins = new VillageMatcher([
      V('1.1.1.1', 'Sumbersari', '1', 'A'),
      V('1.1.1.2', 'Sumbersori', '1', 'A'),
    ]);
    expect(twins.match('Sumbersuri').status).toBe('doubtful');
  });
});

describe('header proposals', () => {
  itEachMaps('expands the office abbreviations of %s: %s', headerKey, [
    ['Nm. Pemilik', 'nama pemilik'],
    ['No KTP', 'nomor ktp'],
    ['Desa/Kel', 'desa kelurahan'],
    ['Jml TK (org)', 'jumlah tenaga kerja org'],
  ]);

  it('proposes the usual headers with full confidence', () => {
    const headers = [
      'No',
      'Nama Usaha',
      'Nm. Pemilik',
      'No KTP',
      'Desa/Kel',
      'HP',
      'Izin',
      'Tenaga Kerja',
      'KBLI',
      'Alamat',
      'L/P',
    ];
    const p = proposeMapping(headers);
    expect(p.map((c) => c.target)).toEqual([
      null,
      'name',
      'ownerName',
      'ownerNik',
      'villageName',
      'ownerPhone',
      'permits',
      'workersTotal',
      'kbliCode',
      'street',
      'ownerSex',
    ]);
    expect(p.slice(1).every((c) => c.score >= 0.95)).toBe(true);
  });

  it('reads variants, word order and typos', () => {
    expect(scoreHeader('Kelurahan/Desa')[0]).toEqual({ target: 'villageName', score: 0.97 });
    expect(scoreHeader('NAMA PEMLIK')[0]?.target).toBe('ownerName');
    expect(scoreHeader('Tgl. Lahir')[0]?.target).toBe('ownerBirthDate');
    expect(scoreHeader('Tempat/Tgl Lahir')[0]?.target).toBe('ownerBirthPlaceDate');
    expect(scoreHeader('TK L')[0]?.target).toBe('workersMale');
    expect(scoreHeader('Tenaga Kerja Perempuan')[0]?.target).toBe('workersFemale');
    expect(scoreHeader('Omset/Tahun')[0]?.target).toBe('annualTurnover');
    expect(scoreHeader('No. HP/WA')[0]?.target).toBe('ownerPhone');
    expect(scoreHeader('Xyz Abc')).toEqual([]);
  });

  it('gives each target one column, the better header winning', () => {
    const p = proposeMapping(['Nama', 'Nama Pemilik', 'Nama Usaha']);
    expect(p.map((c) => c.target)).toEqual([null, 'ownerName', 'name']);
    expect(p[0]!.alternatives[0]?.target).toBe('ownerName');
    // "Nama" alone is a guess at the owner
    expect(proposeMapping(['Nama', 'Nama Usaha']).map((c) => [c.target, c.score])).toEqual([
      ['ownerName', 0.75],
      ['name', 1],
    ]);
  });
});

describe('saved mappings', () => {
  const headers = ['No', 'Nama Usaha', 'Nm. Pemilik', 'Keterangan', 'Desa/Kel', 'Kolom Aneh'];

  it('applies what a mapping knows by folded header, the proposal for the rest', () => {
    const saved = savedMappingSchema.parse({
      columns: { KETERANGAN: 'permits', 'kolom aneh': 'brand', 'NM PEMILIK': 'ownerName' },
    });
    const applied = applyMapping(headers, saved);
    expect(applied.map((c) => [c.target, c.source])).toEqual([
      [null, 'none'],
      ['name', 'proposed'],
      ['ownerName', 'saved'],
      ['permits', 'saved'],
      ['villageName', 'proposed'],
      ['brand', 'saved'],
    ]);
    expect(saved.options).toEqual({ workersTotalAs: 'note', kbliVersion: '2020' });
  });

  it('round-trips what the clerk settled on', () => {
    const columns = applyMapping(headers, null).map((c) => ({ index: c.index, target: c.target }));
    columns[3]!.target = 'permits';
    const saved = mappingToSave(headers, columns, { workersTotalAs: 'male', kbliVersion: '2025' });
    expect(saved.columns.keterangan).toBe('permits');
    expect(applyMapping(headers, savedMappingSchema.parse(saved)).map((c) => c.target)).toEqual(
      columns.map((c) => c.target),
    );
  });

  it('refuses targets that do not exist', () => {
    expect(savedMappingSchema.safeParse({ columns: { a: 'salary' } }).success).toBe(false);
    expect(savedMappingSchema.safeParse({ columns: { a: null } }).success).toBe(true);
  });
});
