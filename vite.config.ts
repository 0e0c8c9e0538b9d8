/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './scripts/vite/csp';
import { kubeplayLessons } from './scripts/lessons/vite-plugin';

// base './' keeps every asset URL relative, so the build works from any static host and sub-path
// (a school's intranet folder, GitHub Pages, a file share served over http).
export default defineConfig({
  base: './',
  plugins: [react(), kubeplayLessons(), contentSecurityPolicy()],
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
