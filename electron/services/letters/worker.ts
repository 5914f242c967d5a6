/**
 * Batch render worker (worker_threads). Receives worded letters (numbers already reserved by main, the single
 * database writer), renders them with pdfkit and writes the files; never touches the database. Fonts are
 * loaded once per worker. Bundled as letters-worker.mjs next to the main bundle (scripts/build-node.mjs).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { writeLetterBytes } from './files';
import { loadFonts } from './fonts';
import { renderLetter, renderLetters, type LetterDoc } from './render';

export interface RenderTask {
  type: 'render';
  taskId: number;
  dataDir: string;
  /** separate: one file per letter at `rel`; single: the whole chunk into `partRel`, one page per letter */
  mode: 'separate' | 'single';
  letters: { id: number; rel: string; doc: LetterDoc }[];
  partRel?: string;
}

export interface MergeTask {
  type: 'merge';
  taskId: number;
  dataDir: string;
  parts: string[];
  outRel: string;
}

export type WorkerTask = RenderTask | MergeTask;

export type WorkerReply =
  | { type: 'progress'; taskId: number; n: number }
  | {
      type: 'rendered';
      taskId: number;
      results: { id: number; rel: string; sha256: string; page: number | null }[];
    }
  | { type: 'merged'; taskId: number; sha256: string; pages: number }
  | { type: 'error'; taskId: number; message: string };

async function handle(task: WorkerTask, post: (r: WorkerReply) => void): Promise<void> {
  if (task.type === 'render') {
    const fonts = loadFonts();
    if (task.mode === 'separate') {
      const results: { id: number; rel: string; sha256: string; page: number | null }[] = [];
      for (const l of task.letters) {
        const bytes = await renderLetter(l.doc, { fonts });
        results.push({
          id: l.id,
          rel: l.rel,
          sha256: writeLetterBytes(task.dataDir, l.rel, bytes),
          page: null,
        });
        post({ type: 'progress', taskId: task.taskId, n: 1 });
      }
      post({ type: 'rendered', taskId: task.taskId, results });
      return;
    }
    const bytes = await renderLetters(
      task.letters.map((l) => l.doc),
      { fonts },
    );
    const sha256 = writeLetterBytes(task.dataDir, task.partRel!, bytes);
    post({ type: 'progress', taskId: task.taskId, n: task.letters.length });
    post({
      type: 'rendered',
      taskId: task.taskId,
      results: task.letters.map((l, i) => ({ id: l.id, rel: task.partRel!, sha256, page: i + 1 })),
    });
    return;
  }
  // pdf-lib is loaded only by the worker that merges (it is large, and most tasks only render)
  const { PDFDocument } = await import('pdf-lib');
  const out = await PDFDocument.create();
  out.setProducer('Daftar IKM');
  out.setCreator('Daftar IKM');
  for (const rel of task.parts) {
    const src = await PDFDocument.load(readFileSync(path.join(task.dataDir, rel)));
    const pages = await out.copyPages(src, src.getPageIndices());
    for (const p of pages) out.addPage(p);
  }
  const bytes = Buffer.from(await out.save({ useObjectStreams: true }));
  const sha256 = writeLetterBytes(task.dataDir, task.outRel, bytes);
  post({ type: 'merged', taskId: task.taskId, sha256, pages: out.getPageCount() });
}

const port = parentPort;
if (port) {
  port.on('message', (task: WorkerTask) => {
    handle(task, (r) => port.postMessage(r)).catch((e: unknown) =>
      port.postMessage({
        type: 'error',
        taskId: task.taskId,
        message: e instanceof Error ? e.message : String(e),
      } satisfies WorkerReply),
    );
  });
}
