// Builds only the renderer, with exactly the configuration `electron-vite build` resolves for
// it (electron.vite.config.ts plus electron-vite's renderer preset), so the end-to-end tests
// do not depend on the main and preload entries being buildable at the same moment.
import { resolveConfig } from 'electron-vite';
import { build } from 'vite';

process.env.NODE_ENV_ELECTRON_VITE = 'production';
const { config } = await resolveConfig({ logLevel: 'warn' }, 'build', 'production');
if (!config.renderer) throw new Error('electron.vite.config.ts has no renderer section');
await build(config.renderer);
