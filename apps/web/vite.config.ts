import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the SPA and the API run as two processes; proxying keeps them same-origin so the
// session cookie (SameSite, httpOnly) and the CSRF header behave exactly as in production, where the
// API process serves this build itself.
const apiTarget = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': apiTarget,
      '/docs': apiTarget,
      '/healthz': apiTarget,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // The shared schemas chunk carries libphonenumber's full metadata and the GB/T 2260 region tables,
    // which the list page needs too; ~190 kB gzipped is the accepted price of validating like the API.
    chunkSizeWarningLimit: 800,
  },
});
