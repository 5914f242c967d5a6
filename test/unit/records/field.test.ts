import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  defineRecord,
  displayFormat,
  emptyFormOf,
  f,
  formOf,
  historyLabelsOf,
  historyNamesOf,
  inputSchemaOf,
  labelsOf,
  maskValue,
  personalColumnsOf,
  recordToRow,
  rowToRecord,
  type DisplayContext,
  type RowValues,
} from '../../../shared/records/field';

const COLORS = ['merah', 'hijau', 'biru'] as const;

const person = defineRecord({
  name: 'person',
  table: 'people',
  formPrefix: 'person',
  labels: 'test.fields',
  fields: [
    f.text('name', { required: true, max: 20 }),
    f.nik('nik'),
    f.phone('phone'),
    f.text('street', { column: 'address_street', label: 'test.address' }),
    f.money('capital'),
    f.count('workersMale', { unitLabel: 'test.people' }),
    f.year('yearStarted'),
    f.date('birthDate'),
    f.rtRw('rt'),
    f.regionCode('villageCode'),
    f.kbli('kbliCode'),
    f.enum('color', COLORS, { optionLabel: 'test.color' }),
    f.enumDefault('status', COLORS, 'hijau'),
    f.enumList('likes', COLORS, { column: 'likes_json', optionLabel: 'test.color' }),
    f.bool('active'),
    f.decimal('capacity'),
  ],
});

const ctx: DisplayContext = {
  t: (key, o) => (o && 'count' in o ? `${String(o.count)} ${key}` : key),
  money: (n) => `Rp${n}`,
  date: (s) => `date(${s})`,
  number: (n) => `n(${n})`,
};

describe('field table', () => {
  it('derives columns (snake_case unless given), labels from the form key, and refuses duplicates', () => {
    expect(person.fields.map((x) => x.column)).toEqual([
      'name',
      'nik',
      'phone',
      'address_street',
      'capital',
      'workers_male',
      'year_started',
      'birth_date',
      'rt',
      'village_code',
      'kbli_code',
      'color',
      'status',
      'likes_json',
      'active',
      'capacity',
    ]);
    expect(labelsOf(person).personName).toBe('test.fields.personName');
    expect(labelsOf(person).personStreet).toBe('test.address');
    expect(() =>
      defineRecord({ name: 'x', table: 'x', fields: [f.text('a'), f.text('a', { column: 'b' })] }),
    ).toThrow(/duplicate field key a/);
    expect(() =>
      defineRecord({ name: 'x', table: 'x', fields: [f.text('a'), f.text('b', { column: 'a' })] }),
    ).toThrow(/duplicate column a/);
  });

  it('parses a form into columns and reads the row back into the record', () => {
    const parsed = inputSchemaOf(person).parse({
      ...emptyFormOf(person),
      personName: '  Siti  ',
      personNik: '3509 2745 0890 0001',
      personPhone: '0812-3456-7890',
      personCapital: '1.500.000',
      personWorkersMale: '3',
      personRt: '5',
      personColor: 'biru',
      personLikes: ['merah', 'merah', 'biru'],
      personActive: true,
      personCapacity: '2,5',
    });
    const row = recordToRow(person, parsed);
    expect(row).toMatchObject({
      name: 'Siti',
      nik: '3509274508900001',
      phone: '+6281234567890',
      address_street: null,
      capital: 1_500_000,
      workers_male: 3,
      rt: '005',
      village_code: null,
      color: 'biru',
      status: 'hijau',
      likes_json: '["merah","biru"]',
      active: 1,
      capacity: 2.5,
    });
    const rec = rowToRecord(person, row);
    expect(rec).toMatchObject({ name: 'Siti', likes: ['merah', 'biru'], active: true, status: 'hijau' });
    expectTypeOf(rec.likes).toEqualTypeOf<('merah' | 'hijau' | 'biru')[]>();
    expectTypeOf(rec.name).toEqualTypeOf<string>();
    expectTypeOf(rec.capital).toEqualTypeOf<number | null>();
    expectTypeOf<RowValues<typeof person>['likes_json']>().toEqualTypeOf<string>();
    expectTypeOf<RowValues<typeof person>['active']>().toEqualTypeOf<number>();
    // the form of the stored record: text '' for null, pickers keep null, phone shown grouped
    const form = formOf(person, rec);
    expect(form).toMatchObject({
      personStreet: '',
      personVillageCode: null,
      personPhone: '+62 812-3456-7890',
    });
    expect(inputSchemaOf(person).parse(form)).toEqual(parsed);
  });

  it('gives field errors as i18n keys', () => {
    const r = inputSchemaOf(person).safeParse({
      ...emptyFormOf(person),
      personRt: 'x',
      personKbliCode: '12',
    });
    expect(r.success).toBe(false);
    const issues = r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ['personName', 'validation.required'],
        ['personRt', 'validation.rtRw'],
        ['personKbliCode', 'validation.kbli'],
      ]),
    );
  });

  it('builds a fresh empty form (lists are not shared between forms)', () => {
    const a = emptyFormOf(person);
    const b = emptyFormOf(person);
    expect(a).toMatchObject({
      personName: '',
      personVillageCode: null,
      personWorkersMale: '', // a count left empty is unknown, not 0 (issue 11 item 9)
      personStatus: 'hijau',
    });
    expect(a.personLikes).not.toBe(b.personLikes);
  });

  it('names history columns by form key and masks personal data', () => {
    expect(historyNamesOf(person)).toMatchObject({
      address_street: 'personStreet',
      likes_json: 'personLikes',
    });
    expect(historyLabelsOf(person).address_street).toBe('test.address');
    expect(personalColumnsOf(person)).toEqual(['nik']);
    expect(maskValue(person.byKey.get('nik')!, '3509274508900001')).toBe('3509••••••••0001');
    expect(maskValue(person.byKey.get('name')!, 'Siti')).toBe('Siti');
  });

  it('formats values for display by kind', () => {
    const d = (key: string, v: unknown) => displayFormat(person.byKey.get(key)!, v, ctx);
    expect(d('capital', 1000)).toBe('Rp1000');
    expect(d('birthDate', '1990-08-05')).toBe('date(1990-08-05)');
    expect(d('workersMale', 3)).toBe('3 test.people');
    expect(d('capacity', 2.5)).toBe('n(2.5)');
    expect(d('yearStarted', 2020)).toBe('2020');
    expect(d('color', 'biru')).toBe('test.color.biru');
    expect(d('status', 'biru')).toBe('biru');
    expect(d('likes', ['merah', 'biru'])).toBe('test.color.merah, test.color.biru');
    expect(d('phone', '+6281234567890')).toBe('+62 812-3456-7890');
    expect(d('nik', '3509274508900001')).toBe('3509••••••••0001');
    expect(d('active', true)).toBe('common.yes');
    expect(d('name', null)).toBe('');
    expect(d('likes', [])).toBe('');
  });
});
