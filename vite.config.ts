/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './scripts/vite/csp';
import { kubeplayLessons } from './scripts/lessons/vite-plugin';
import { flattenBarrels } from './scripts/vite/flattenBarrels';

// base './' keeps every asset URL relative, so the build works from any static host and sub-path
// (a school's intranet folder, GitHub Pages, a file share served over http).
export default defineConfig({
  base: './',
  plugins: [
    flattenBarrels({ root: import.meta.dirname, barrels: ['src/engine/index.ts', 'src/shell/index.ts', 'src/lessons/index.ts', 'src/store/index.ts'] }),
    react(),
    kubeplayLessons(),
    contentSecurityPolicy(),
  ],
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  server: { port: 5173 },
  preview: { port: 4173 },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    allowOnly: false,
    pool: 'threads',
  },
});
