import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

const apiTarget = `http://127.0.0.1:${process.env.PORT ?? 8790}`;

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    // `npm run dev` runs Vite against a separately started API server.
    proxy: { '/api': apiTarget, '/saymotion': apiTarget },
  },
  build: {
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
});
