import react from '@vitejs/plugin-react';
import type { CodeSplittingGroup } from 'rolldown';
import { defineConfig } from 'vite';
import { languageMessages, precompress } from './scripts/vite-plugins.ts';

/**
 * Vendor groups. The first page loads react, the query cache and the part of antd (and other libraries)
 * that the entry itself needs (`$initial`); the rest is cut by which pages use it (`entriesAware`), so a
 * page downloads the components it shows and no other. ECharts is its own chunk, loaded only by chart pages.
 * The budget test (scripts/bundle-budget.test.ts) holds each first page and each route to its limit.
 */
const VENDOR_GROUPS: CodeSplittingGroup[] = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
  { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/, priority: 30 },
  { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 30 },
  { name: 'vendor-base', test: /node_modules[\\/]/, tags: ['$initial'], priority: 20 },
  {
    name: 'vendor',
    test: /node_modules[\\/]/,
    entriesAware: true,
    entriesAwareMergeThreshold: 0,
    priority: 10,
  },
];

/** Where `vite` (dev) and `vite preview` send /api; a Qiao server on port 3000 unless QIAO_API_URL says otherwise. */
const apiTarget = process.env.QIAO_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: '.',
  publicDir: 'src/client/public',
  plugins: [react(), languageMessages(), precompress()],
  build: {
    outDir: 'dist/client',
    emptyOutDir: true,
    // dist/client/.vite/manifest.json: what each page loads, read by the bundle budget test.
    manifest: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: VENDOR_GROUPS },
        // Shared chunks are named after every page that uses them; those long names would be repeated in
        // the preload lists of every lazy import, so such chunks go by their hash alone.
        chunkFileNames: (chunk) =>
          chunk.name.length > 32 ? 'assets/shared-[hash].js' : 'assets/[name]-[hash].js',
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
});
