/** Types of environment-files.mjs (see there). */
export declare const SUPPORT_MODULES: readonly string[];
export declare function environmentFileName(path: string): string | undefined;
export declare function environmentFiles(paths: readonly string[]): string[];
