import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// The console is built into web/dist, which `mailward start` serves at `/`. The dev server
// forwards API calls to a service running on the default port.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [preact()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 600 },
  server: { host: '127.0.0.1', proxy: { '/api': 'http://127.0.0.1:8025' } },
});
