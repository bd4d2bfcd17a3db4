import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const clientRoot = fileURLToPath(new URL('.', import.meta.url));
const inClient = (file: string): string => fileURLToPath(new URL(file, import.meta.url));

// The API server (npm start) listens here; in development Vite serves the pages and forwards the API to it, so the
// browser sees one origin, as in production.
const apiServer = 'http://127.0.0.1:4000';

export default defineConfig({
  root: clientRoot,
  plugins: [react()],
  optimizeDeps: {
    // These modules import Monaco's workers with `?worker`, which only Vite's own pipeline understands; the
    // dependency pre-bundler (esbuild) cannot read them, and the dev server would stop at start-up.
    exclude: ['graphiql/setup-workers/vite', '@graphiql/react/setup-workers/vite'],
  },
  server: {
    proxy: {
      '/graphql': apiServer,
      '/healthz': apiServer,
      // Only the CSV downloads: other paths under /reports are none of the API's.
      '^/reports/[^/]+\\.csv': apiServer,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // GraphiQL's Monaco editor is several MB; it only loads on /graphiql, which the server offers outside production.
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      onwarn(warning, warn) {
        // GraphiQL's packages carry React Compiler directives ("use no memo") that bundling drops, harmlessly.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.id?.includes('/node_modules/')) return;
        warn(warning);
      },
      input: {
        main: inClient('index.html'),
        graphiql: inClient('graphiql.html'),
      },
    },
  },
  worker: { format: 'es' },
});
