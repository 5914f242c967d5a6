/**
 * The letters feature's worker entry (bundled as letters-worker.mjs; from source through tsx). Its one job
 * lays out a batch: main (the single database writer) numbers and records the letters a chunk at a time and
 * sends each chunk as an input; the worker draws it and answers with where each letter went. It never
 * touches the database. Fonts are parsed once per worker.
 */
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { serveJobs } from '../jobs/host';
import type { JobIo } from '../jobs/protocol';
import { writeLetterBytes } from './files';
import { loadFonts } from './fonts';
import { openLetterStream, renderLetter, type LetterDoc, type LetterStream } from './render';

export interface BatchRenderSpec {
  dataDir: string;
  /** one PDF for the whole batch, or one file per letter */
  output: 'single' | 'separate';
  /** one PDF: streamed page by page to `partRel`, renamed to `outRel` when main ends the input */
  partRel: string;
  outRel: string;
  title: string;
}

/** A chunk: the letters numbered in one transaction; `rel` is each letter's own file (separate files). */
export type BatchChunk = { id: number; rel: string; doc: LetterDoc }[];

export interface RenderedLetter {
  id: number;
  rel: string;
  sha256: string | null;
  /** page in the batch PDF (1-based); null for a file of its own */
  page: number | null;
}

/**
 * Chunks in, in order (the pages of one PDF must not interleave); one answer per chunk; progress 1 per letter.
 * One PDF: finished and renamed to its final name when main ends the input (main does so only when every
 * letter is in it); a cancel or a failure discards the half-written file.
 */
async function renderBatch(
  spec: BatchRenderSpec,
  io: JobIo<number, BatchChunk, RenderedLetter[]>,
): Promise<{ sha256: string; pages: number; letters: number } | null> {
  const fonts = loadFonts(io.config.fontsDir);
  const partAbs = path.join(spec.dataDir, spec.partRel);
  let stream: LetterStream | null = null;
  try {
    for await (const chunk of io.inputs()) {
      const results: RenderedLetter[] = [];
      for (const l of chunk) {
        if (spec.output === 'separate') {
          const bytes = await renderLetter(l.doc, { fonts });
          results.push({
            id: l.id,
            rel: l.rel,
            sha256: writeLetterBytes(spec.dataDir, l.rel, bytes),
            page: null,
          });
        } else {
          io.signal.throwIfAborted();
          if (!stream) {
            mkdirSync(path.dirname(partAbs), { recursive: true });
            stream = openLetterStream(partAbs, spec.title, { fonts });
          }
          // a letter that overflows takes more than one page: the recorded page is its own first page
          const page = stream.add(l.doc);
          results.push({ id: l.id, rel: spec.partRel, sha256: null, page });
          // let pdfkit's output drain to the file between pages
          await yieldToLoop();
        }
        io.progress(1);
      }
      io.send(results);
    }
    if (!stream) return null;
    const s: LetterStream = stream;
    stream = null;
    const { sha256 } = await s.finish();
    renameSync(partAbs, path.join(spec.dataDir, spec.outRel));
    return { sha256, pages: s.pages, letters: s.letters };
  } finally {
    if (stream) {
      await stream.discard();
      rmSync(partAbs, { force: true });
    }
  }
}

const lettersJobs = { 'render-batch': renderBatch };
export type LettersJobs = typeof lettersJobs;

serveJobs(lettersJobs, { cancelled: 'letters.errors.batchCancelled' });
