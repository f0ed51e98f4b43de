// Injected by esbuild from package.json; tsc-compiled tests fall back to reading it.
declare const __CLAUSEGUARD_VERSION__: string | undefined;

export const TOOL = {
  name: 'clauseguard',
  version: typeof __CLAUSEGUARD_VERSION__ === 'string' ? __CLAUSEGUARD_VERSION__ : '0.0.0-dev',
};
