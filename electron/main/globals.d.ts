/** ISO 8601 time of the build, injected by electron.vite.config.ts (`define`). */
declare const __BUILD_TIME__: string;
