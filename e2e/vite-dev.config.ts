import { mergeConfig } from 'vite';
import base from '../vite.config';

/**
 * The dev server as `npm run dev` serves it (React in development mode, StrictMode's double
 * effects), minus hot reload: an edit to a source file mid-run would reload the page under a test.
 */
export default mergeConfig(base, { server: { hmr: false, watch: null } });
