import type { Migration } from './types';

/**
 * The complete owner and business record (registry issue): owner identity and address, and the SIINas
 * small-industry fields on the business. Money is whole rupiah (INTEGER); lists are JSON arrays of codes.
 */
export const m002: Migration = {
  version: 2,
  name: 'complete owner and business records',
  up(raw) {
    raw.exec(`
      ALTER TABLE owners ADD COLUMN sex TEXT CHECK (sex IN ('L', 'P'));
      ALTER TABLE owners ADD COLUMN birth_date TEXT;
      ALTER TABLE owners ADD COLUMN birth_place TEXT;
      ALTER TABLE owners ADD COLUMN phone TEXT;
      ALTER TABLE owners ADD COLUMN address_street TEXT;
      ALTER TABLE owners ADD COLUMN rt TEXT;
      ALTER TABLE owners ADD COLUMN rw TEXT;
      ALTER TABLE owners ADD COLUMN village_code TEXT;
      ALTER TABLE owners ADD COLUMN village_name TEXT;
      ALTER TABLE owners ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      CREATE INDEX owners_phone ON owners(phone) WHERE phone IS NOT NULL;

      ALTER TABLE businesses ADD COLUMN products TEXT;
      ALTER TABLE businesses ADD COLUMN brand TEXT;
      ALTER TABLE businesses ADD COLUMN kbli_code TEXT;
      ALTER TABLE businesses ADD COLUMN kbli_version TEXT;
      ALTER TABLE businesses ADD COLUMN sentra TEXT;
      ALTER TABLE businesses ADD COLUMN address_street TEXT;
      ALTER TABLE businesses ADD COLUMN rt TEXT;
      ALTER TABLE businesses ADD COLUMN rw TEXT;
      ALTER TABLE businesses ADD COLUMN village_code TEXT;
      ALTER TABLE businesses ADD COLUMN year_started INTEGER;
      ALTER TABLE businesses ADD COLUMN workers_male INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE businesses ADD COLUMN workers_female INTEGER NOT NULL DEFAULT 0;
      -- investment excluding land and buildings (Permenperin 64/2016), and in land and buildings
      ALTER TABLE businesses ADD COLUMN investment INTEGER;
      ALTER TABLE businesses ADD COLUMN investment_land_building INTEGER;
      -- modal usaha excluding land and buildings, and annual sales (PP 7/2021)
      ALTER TABLE businesses ADD COLUMN capital INTEGER;
      ALTER TABLE businesses ADD COLUMN annual_turnover INTEGER;
      ALTER TABLE businesses ADD COLUMN turnover_year INTEGER;
      ALTER TABLE businesses ADD COLUMN production_capacity REAL;
      ALTER TABLE businesses ADD COLUMN capacity_unit TEXT;
      ALTER TABLE businesses ADD COLUMN raw_materials TEXT;
      ALTER TABLE businesses ADD COLUMN energy_use TEXT;
      ALTER TABLE businesses ADD COLUMN water_use TEXT;
      ALTER TABLE businesses ADD COLUMN legal_form TEXT;
      ALTER TABLE businesses ADD COLUMN npwp TEXT;
      ALTER TABLE businesses ADD COLUMN npwp_same_as_nik INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE businesses ADD COLUMN status_reason TEXT;
      ALTER TABLE businesses ADD COLUMN constraints_json TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE businesses ADD COLUMN needs_json TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE businesses ADD COLUMN notes TEXT;
      -- set when this record was merged into another; the survivor keeps everything
      ALTER TABLE businesses ADD COLUMN merged_into_id INTEGER REFERENCES businesses(id);
      ALTER TABLE businesses ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      CREATE INDEX businesses_village ON businesses(village_code);
      CREATE INDEX businesses_kbli ON businesses(kbli_code);
      CREATE INDEX businesses_status ON businesses(status);
    `);
  },
};
