/** Types of readme-snippets.mjs, for the packages' tests. */
export declare function snippets(markdown: string): { lang: "ts" | "tsx"; code: string }[];
export declare function checkReadmeSnippets(options: { packageDir: string; prelude?: string }): { count: number; diagnostics: string; sources?: Record<string, string> };
