/**
 * Batch render worker (worker_threads). Receives worded letters (numbered by main, the single database
 * writer), lays them out with pdfkit and writes the files; never touches the database. Fonts are
 * loaded once per worker. Bundled as letters-worker.mjs next to the main bundle (scripts/build-node.mjs).
 */
import { mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { writeLetterBytes } from './files';
import { loadFonts } from './fonts';
import { openLetterStream, renderLetter, type LetterDoc, type LetterStream } from './render';

export interface RenderTask {
  type: 'render';
  taskId: number;
  dataDir: string;
  /** one file per letter at `rel` */
  letters: { id: number; rel: string; doc: LetterDoc }[];
}

/**
 * One PDF for the whole batch: the chunks are appended, in order, to a file streamed to disk page by page
 * (opened by the first chunk at `partRel`); `finish` completes it and moves it to its final name.
 */
export interface AppendTask {
  type: 'append';
  taskId: number;
  dataDir: string;
  partRel: string;
  title: string;
  letters: { id: number; doc: LetterDoc }[];
}

export interface FinishTask {
  type: 'finish';
  taskId: number;
  outRel: string;
}

export type WorkerTask = RenderTask | AppendTask | FinishTask;

export interface RenderedLetter {
  id: number;
  rel: string;
  sha256: string | null;
  /** page in the batch PDF (1-based); null for a file of its own */
  page: number | null;
}

export type WorkerReply =
  | { type: 'progress'; taskId: number; n: number }
  | { type: 'rendered'; taskId: number; results: RenderedLetter[] }
  | { type: 'finished'; taskId: number; sha256: string; pages: number }
  | { type: 'error'; taskId: number; message: string };

let open: { dataDir: string; rel: string; stream: LetterStream } | null = null;

async function handle(task: WorkerTask, post: (r: WorkerReply) => void): Promise<void> {
  if (task.type === 'render') {
    const fonts = loadFonts();
    const results: RenderedLetter[] = [];
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
  if (task.type === 'append') {
    if (!open) {
      const abs = path.join(task.dataDir, task.partRel);
      mkdirSync(path.dirname(abs), { recursive: true });
      open = {
        dataDir: task.dataDir,
        rel: task.partRel,
        stream: openLetterStream(abs, task.title, { fonts: loadFonts() }),
      };
    }
    const results: RenderedLetter[] = [];
    for (const l of task.letters) {
      open.stream.add(l.doc);
      results.push({ id: l.id, rel: open.rel, sha256: null, page: open.stream.pages });
      post({ type: 'progress', taskId: task.taskId, n: 1 });
      // let pdfkit's output drain to the file between pages
      await new Promise<void>((r) => setImmediate(r));
    }
    post({ type: 'rendered', taskId: task.taskId, results });
    return;
  }
  const o = open;
  open = null;
  if (!o) throw new Error('no batch PDF is open');
  const { sha256 } = await o.stream.finish();
  const out = path.join(o.dataDir, task.outRel);
  renameSync(path.join(o.dataDir, o.rel), out);
  post({ type: 'finished', taskId: task.taskId, sha256, pages: o.stream.pages });
}

const port = parentPort;
if (port) {
  // one task at a time, in the order they came: the chunks of one PDF must not interleave their pages
  let queue = Promise.resolve();
  port.on('message', (task: WorkerTask) => {
    queue = queue.then(() =>
      handle(task, (r) => port.postMessage(r)).catch((e: unknown) =>
        port.postMessage({
          type: 'error',
          taskId: task.taskId,
          message: e instanceof Error ? e.message : String(e),
        } satisfies WorkerReply),
      ),
    );
  });
}
