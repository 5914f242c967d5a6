import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';

// DAFTAR_IKM_DIST_DIR lets parallel work build into its own folder (inside the repo, so node_modules resolve).
const dist = path.resolve(process.env.DAFTAR_IKM_DIST_DIR ?? 'dist');

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: path.join(dist, 'renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1' },
});
