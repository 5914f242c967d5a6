/**
 * The settings page's preview: the letter exactly as it would print, with the given (unsaved) settings and the
 * next number, into letters/preview/. Nothing is recorded and no number is taken.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { LetterSettings } from '../../../shared/schemas/letter';
import { dbOf, type AppContext } from '../../app/context';
import { localDate } from '../business';
import { permitsFor, type LetterBusiness } from './content';
import { writeLetterBytes } from './files';
import { loadFonts } from './fonts';
import { issueContext, loadOne, prepareLetter } from './issue';
import { renderLetter } from './render';
import { LETTER_SEQUENCE, emblemAbsPath, nextSequenceNumber } from './settings';

/** A stand-in business when none is registered yet, so the office can see its letterhead. */
function sampleBusiness(): LetterBusiness {
  return {
    id: 0,
    name: 'Keripik Tempe Contoh',
    brand: null,
    products: 'Keripik tempe',
    registrationNumber: 'IKM-000000-0000-00000',
    registrationDate: '2026-01-02',
    kbliCode: '10794',
    kbliVersion: '2020',
    kbliTitle: null,
    street: 'Jl. Contoh No. 1',
    rt: '001',
    rw: '002',
    villageName: 'Contoh',
    place: null,
    yearStarted: 2020,
    workersMale: 1,
    workersFemale: 2,
    investment: 50_000_000,
    capital: null,
    annualTurnover: null,
    archived: false,
    owner: {
      name: 'Nama Pemilik',
      nik: null,
      sex: 'P',
      birthPlace: 'Contoh',
      birthDate: '1980-05-04',
      street: 'Jl. Contoh No. 1',
      rt: '001',
      rw: '002',
      villageName: 'Contoh',
      place: null,
    },
  };
}

export async function previewLetter(
  ctx: AppContext,
  input: { businessId?: number | null; settings?: LetterSettings | undefined },
): Promise<{ filePath: string; base64: string }> {
  const db = dbOf(ctx);
  const ic = await issueContext(ctx);
  if (input.settings) ic.settings = input.settings;
  let business: LetterBusiness;
  if (input.businessId) business = await loadOne(db, input.businessId);
  else {
    const last = await db
      .selectFrom('businesses')
      .select('id')
      .where('archived_at', 'is', null)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    business = last ? await loadOne(db, last.id) : sampleBusiness();
  }
  const date = localDate(ctx.now());
  const seq = await nextSequenceNumber(db, LETTER_SEQUENCE, Number(date.slice(0, 4)));
  const p = prepareLetter(
    ic,
    business,
    await permitsFor(db, business.id),
    seq,
    date,
    ic.settings.defaultPurpose,
    false,
  );
  const bytes = await renderLetter(
    { ...p.doc, emblemPath: emblemAbsPath(ctx.dataDir) },
    { fonts: loadFonts(ctx.config.fontsDir) },
  );
  const dir = path.join(ctx.dataDir, 'letters', 'preview');
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) rmSync(path.join(dir, f), { force: true });
  const rel = `letters/preview/pratinjau-${ctx.uuid().slice(0, 8)}.pdf`;
  writeLetterBytes(ctx.dataDir, rel, bytes);
  return { filePath: rel, base64: bytes.toString('base64') };
}
