import type { Paper } from '../../../shared/schemas/letter';
import type { SheetResult } from '../../../shared/schemas/activity';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../../db/connection';
import { dbOf, type AppContext } from '../../app/context';
import { requireOffice } from '../office';
import { letterSigner, officeLetterhead } from '../letters/content';
import { writeLetterBytes } from '../letters/files';
import { loadFonts } from '../letters/fonts';
import { titleCase } from '../letters/format';
import { emblemAbsPath, getLetterSettings } from '../letters/settings';
import { getActivity } from './record';
import {
  FUNDING_LABEL,
  ORGANISER_LABEL,
  TYPE_LABEL,
  hariTanggal,
  outcomeText,
  renderAttendanceSheet,
  renderRecap,
  type AttendanceSheetDoc,
  type RecapDoc,
  type SheetCommon,
} from './sheet';
import type { ActivityDetail } from '../../../shared/schemas/activity';

/**
 * Words the attendance sheet and the recap from the database (office, letter settings' signer, the activity,
 * its current participants) and writes the PDF under exports/kegiatan/ in the data folder.
 */

async function common(
  db: Db,
  dataDir: string,
  a: ActivityDetail,
  paper: Paper,
  date: string,
): Promise<Omit<SheetCommon, 'details'> & { base: [string, string][] }> {
  const office = await requireOffice(db);
  const settings = await getLetterSettings(db);
  const organiser =
    a.organiser === 'lainnya' ? (a.organiserOther ?? 'Lainnya') : ORGANISER_LABEL[a.organiser];
  const funding = a.funding === 'lainnya' ? (a.fundingOther ?? 'Lainnya') : FUNDING_LABEL[a.funding];
  return {
    paper,
    emblemPath: emblemAbsPath(dataDir),
    letterhead: officeLetterhead(office, settings),
    placeDate: `${titleCase(office.districtName)}, ${hariTanggal(date).split(', ')[1]}`,
    signer: letterSigner(office, settings),
    base: [
      ['Kegiatan', a.title],
      ['Jenis kegiatan', TYPE_LABEL[a.type]],
      ['Penyelenggara', organiser],
      ['Sumber dana', funding],
      ...(a.batch ? ([['Gelombang', a.batch]] as [string, string][]) : []),
    ],
  };
}

export function attendanceSheetDoc(
  a: ActivityDetail,
  day: string,
  c: Awaited<ReturnType<typeof common>>,
): AttendanceSheetDoc {
  const index = a.days.findIndex((d) => d.day === day);
  const { base, ...rest } = c;
  return {
    ...rest,
    title: 'DAFTAR HADIR PESERTA',
    details: [
      ...base,
      [
        'Hari/tanggal',
        `${hariTanggal(day)}${a.days.length > 1 ? ` (hari ke-${index + 1} dari ${a.days.length})` : ''}`,
      ],
      ['Tempat', a.venue ?? ''],
    ],
    rows: a.participants
      .filter((p) => p.archivedAt === null)
      .map((p) => ({
        attendee: p.attendeeName,
        role: p.attendeeRole === 'pemilik' ? 'pemilik' : 'pekerja',
        business: p.businessName,
        village: p.villageName,
      })),
  };
}

export function recapDoc(a: ActivityDetail, c: Awaited<ReturnType<typeof common>>): RecapDoc {
  const { base, ...rest } = c;
  const current = a.participants.filter((p) => p.archivedAt === null);
  const count = { hadir: 0, izin: 0, sakit: 0, alpa: 0 };
  for (const p of current) for (const m of Object.values(p.attendance)) count[m]++;
  const certificates = current.filter((p) => p.certificateNumber).length;
  const equipment = current.reduce((s, p) => s + (p.equipmentValue ?? 0), 0);
  const days =
    a.days.length === 0
      ? ''
      : a.days.length === 1
        ? hariTanggal(a.days[0]!.day)
        : `${a.days.length} hari: ${a.days.map((d) => hariTanggal(d.day).split(', ')[1]).join('; ')}`;
  return {
    ...rest,
    title: 'REKAPITULASI PESERTA DAN KEHADIRAN',
    details: [...base, ['Hari/tanggal', days], ['Tempat', a.venue ?? '']],
    days: a.days.map((d) => d.day),
    rows: current.map((p) => ({
      attendee: p.attendeeName,
      business: p.businessName,
      village: p.villageName,
      marks: a.days.map((d) => p.attendance[d.id] ?? null),
      outcome: outcomeText(p),
    })),
    totals:
      `Jumlah peserta ${current.length}; kehadiran: hadir ${count.hadir}, izin ${count.izin}, sakit ${count.sakit}, ` +
      `alpa ${count.alpa}; sertifikat ${certificates}` +
      (equipment > 0 ? `; nilai bantuan Rp${equipment.toLocaleString('id-ID')}` : '') +
      '.',
  };
}

function save(ctx: AppContext, a: ActivityDetail, name: string, bytes: Buffer, pages: number): SheetResult {
  const rel = `exports/kegiatan/${a.uuid.slice(0, 8)}/${name}`;
  writeLetterBytes(ctx.dataDir, rel, bytes);
  return { filePath: rel, base64: bytes.toString('base64'), pages };
}

export async function printAttendanceSheet(
  ctx: AppContext,
  input: { activityId: number; day?: string | undefined; paper: Paper },
): Promise<SheetResult> {
  const db = dbOf(ctx);
  const a = await getActivity(db, input.activityId);
  const day = input.day;
  if (!day || !a.days.some((d) => d.day === day))
    throw new AppError('VALIDATION', 'activities.errors.dayOutside', {
      params: { day: day ?? '' },
      fields: { day: 'activities.errors.dayOutside' },
    });
  const c = await common(db, ctx.dataDir, a, input.paper, day);
  const r = await renderAttendanceSheet(attendanceSheetDoc(a, day, c), {
    fonts: loadFonts(ctx.config.fontsDir),
  });
  return save(ctx, a, `daftar-hadir-${day}-${input.paper}.pdf`, r.bytes, r.pages);
}

export async function printRecap(
  ctx: AppContext,
  input: { activityId: number; paper: Paper },
): Promise<SheetResult> {
  const db = dbOf(ctx);
  const a = await getActivity(db, input.activityId);
  const last = a.days.at(-1)?.day ?? new Date().toISOString().slice(0, 10);
  const c = await common(db, ctx.dataDir, a, input.paper, last);
  const r = await renderRecap(recapDoc(a, c), { fonts: loadFonts(ctx.config.fontsDir) });
  return save(ctx, a, `rekap-peserta-${input.paper}.pdf`, r.bytes, r.pages);
}
