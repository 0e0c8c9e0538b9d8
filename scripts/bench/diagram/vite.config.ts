// Builds the bench-only diagram page (scripts/bench/diagram.mjs) in production mode into
// .cache/bench-diagram, with the app's own plugins for React and the layers' barrels.
import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { flattenBarrels } from '../../vite/flattenBarrels';

const root = path.resolve(import.meta.dirname, '../../..');

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [
    flattenBarrels({ root, barrels: ['src/engine/index.ts', 'src/shell/index.ts', 'src/lessons/index.ts', 'src/store/index.ts'] }),
    react(),
  ],
  build: { target: 'es2022', outDir: path.join(root, '.cache/bench-diagram'), emptyOutDir: true },
  logLevel: 'error',
});
