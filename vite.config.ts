import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

const apiTarget = `http://127.0.0.1:${process.env.PORT ?? 8790}`;

// `--mode e2e` makes the test build (test probes on window) in its own folder, so dist/ never carries them.
export default defineConfig(({ mode }) => ({
  plugins: [react(), tailwindcss()],
  server: {
    // `npm run dev` runs Vite against a separately started API server.
    proxy: { '/api': apiTarget, '/saymotion': apiTarget },
  },
  build: {
    outDir: mode === 'e2e' ? 'dist-e2e' : 'dist',
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    // Two pages: the studio, and the frame-by-frame render page the server drives in headless Chromium.
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        render: fileURLToPath(new URL('./render.html', import.meta.url)),
      },
    },
  },
}));
