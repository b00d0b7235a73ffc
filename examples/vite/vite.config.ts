import { defineConfig } from 'vite'
import openws from 'openws/vite'

// The openws plugin compiles the role definitions at build time (and on every dev-server reload).
export default defineConfig({
  plugins: [openws()],
  build: { target: 'es2022' },
})
